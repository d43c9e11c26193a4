// The kiosk as a citizen meets it: a paired touch screen, agency → service → number, a printed slip,
// and a plain explanation when a service cannot give a number.
import { expect, test, type Page } from '@playwright/test';
import { deviceTokens, e2eSql } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

async function pairKiosk(page: Page, slug = 'bandung', query = 'print=0') {
	await page.goto(`/kiosk/${slug}?device=${deviceTokens(slug).kiosk}&${query}`);
	// the pairing token leaves the address bar; the printer options stay
	await expect(page).toHaveURL(new RegExp(`/kiosk/${slug}\\?${query}$`));
}

test('a paired kiosk takes a ticket: agency, service, confirm, then the number and its slip', async ({
	page
}) => {
	await page.setViewportSize({ width: 1080, height: 1920 });
	await pairKiosk(page);
	await expect(page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' })).toBeVisible();
	await expect(page.getByText('Mal Pelayanan Publik Kota Bandung')).toBeVisible();
	await page.screenshot(shot('kiosk-start-portrait'));

	await page.getByRole('link', { name: /Disdukcapil Kota Bandung/ }).click();
	await expect(page.getByRole('heading', { name: 'Pilih layanan' })).toBeVisible();
	await page.screenshot(shot('kiosk-services-portrait'));

	await page.getByRole('link', { name: /KTP Elektronik/ }).click();
	await expect(page.getByRole('group', { name: 'Apakah Anda termasuk kelompok prioritas?' })).toBeVisible();
	await expect(page.getByRole('radio', { name: /Bukan, saya pengunjung umum/ })).toBeChecked();
	await page.screenshot(shot('kiosk-confirm-portrait'));

	await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
	await expect(page.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();
	const number = (await page.locator('.number-line .number').textContent())!.trim();
	expect(number).toMatch(/^A\d{3}$/);
	await page.screenshot(shot('kiosk-ticket-portrait'));

	const slip = page.getByRole('article', { name: 'Nomor Antrean' });
	await expect(slip).toContainText(number);
	await expect(slip).toContainText('KTP Elektronik');
	await expect(slip).toContainText('Disdukcapil Kota Bandung');
	await expect(slip).toContainText(/\d{2}:\d{2}:\d{2} WIB/);
	await expect(slip).toContainText('Mohon menunggu panggilan');
	await expect(slip).toContainText('Terima kasih atas kunjungan Anda');
	const qr = slip.getByRole('img', { name: `Kode QR menuju halaman pemantauan nomor ${number}` });
	await expect(qr.locator('svg')).toBeVisible();
	// the printed code opens the same ticket's tracking page
	const code = (await slip.locator('.code').textContent())!.replace(/^.*:\s*/, '').trim();
	const tracking = await page.request.get(`/api/v1/tickets/${code}`);
	expect(((await tracking.json()) as { number: string }).number).toBe(number);
});

test('a priority visitor declares the group and the slip says so', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await pairKiosk(page);
	await page.screenshot(shot('kiosk-start-landscape'));
	await page.getByRole('link', { name: /Polrestabes Bandung/ }).click();
	await page.screenshot(shot('kiosk-services-landscape'));
	await page.getByRole('link', { name: /SKCK/ }).click();
	await page.getByRole('radio', { name: /Lansia/ }).check();
	await expect(page.getByRole('radio', { name: /Bukan, saya pengunjung umum/ })).not.toBeChecked();
	await page.screenshot(shot('kiosk-confirm-landscape'));
	await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
	await expect(page.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();
	await expect(page.getByRole('article', { name: 'Nomor Antrean' })).toContainText(
		'Layanan prioritas: Lansia'
	);
	await page.screenshot(shot('kiosk-ticket-landscape'));
});

test('the slip prints on 58 mm and 80 mm thermal paper', async ({ page }) => {
	for (const paper of [58, 80]) {
		await pairKiosk(page, 'bandung', `paper=${paper}&print=0`);
		await page.getByRole('link', { name: /Bapenda Kota Bandung/ }).click();
		await page.getByRole('link', { name: /PBB dan BPHTB/ }).click();
		await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
		// 80 mm is the default and needs no parameter
		const query = paper === 58 ? 'paper=58&print=0' : 'print=0';
		await expect(page).toHaveURL(new RegExp(`/ticket/\\w+\\?${query}$`));
		// a thermal roll at 96 dpi: 58 mm ≈ 219 px, 80 mm ≈ 302 px
		await page.setViewportSize({ width: Math.round((paper / 25.4) * 96), height: 900 });
		await page.emulateMedia({ media: 'print' });
		const slip = page.getByRole('article', { name: 'Nomor Antrean' });
		await expect(slip).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeHidden();
		await expect(slip).toContainText(/WIB/);
		const box = (await slip.boundingBox())!;
		expect(box.width).toBeLessThanOrEqual(Math.round((paper / 25.4) * 96));
		await page.screenshot({ path: `test-results/screenshots/kiosk-slip-${paper}mm.png`, fullPage: true });
		await page.emulateMedia({ media: 'screen' });
		await page.setViewportSize({ width: 1280, height: 900 });
	}
});

test('a service whose quota is used up says so on its tile and when taken anyway', async ({
	page,
	request
}) => {
	const sql = e2eSql();
	try {
		const [service] = await sql<{ id: string }[]>`
			UPDATE services SET daily_quota = 1
			WHERE code = 'PDAM' AND mpp_id = (SELECT id FROM mpps WHERE slug = 'bandung') RETURNING id`;
		await page.setViewportSize({ width: 1920, height: 1080 });
		await pairKiosk(page);
		await page.getByRole('link', { name: /Perumda Tirtawening/ }).click();
		await page.getByRole('link', { name: /Layanan Pelanggan Air Minum/ }).click();
		// meanwhile another kiosk takes the last number of the day
		const other = await request.post('/api/v1/mpps/bandung/tickets', {
			headers: { cookie: `antrean_device=${deviceTokens('bandung').kiosk}` },
			data: { serviceId: service.id }
		});
		expect(other.status()).toBe(201);
		await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Nomor antrean tidak dapat diambil');
		await expect(alert).toContainText('Kuota hari ini (1 nomor) sudah habis');
		await page.screenshot(shot('kiosk-refused'));
		await alert.getByRole('link', { name: 'Pilih layanan lain' }).click();
		await expect(page.getByText('Tidak tersedia: Kuota hari ini (1 nomor) sudah habis.')).toBeVisible();
		await expect(page.getByRole('link', { name: /Layanan Pelanggan Air Minum/ })).toHaveCount(0);
		await page.screenshot(shot('kiosk-quota-tile'));
	} finally {
		await sql`UPDATE services SET daily_quota = NULL WHERE code = 'PDAM'`;
		await sql.end();
	}
});

test('an unpaired screen explains itself instead of issuing numbers', async ({ page }) => {
	const response = await page.goto('/kiosk/bandung');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Layar ini belum dipasangkan' })).toBeVisible();
	await expect(page.getByText('Mintalah pengelola MPP membuka tautan pemasangan kios')).toBeVisible();
	await page.screenshot(shot('kiosk-unpaired'));
	const wrongLink = await page.goto('/kiosk/bandung?device=bukan-token-yang-benar');
	expect(wrongLink?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Tautan pemasangan tidak berlaku' })).toBeVisible();
	// a kiosk of another MPP is not a kiosk here
	await page.goto(`/kiosk/denpasar?device=${deviceTokens('bandung').kiosk}`);
	await expect(page.getByRole('heading', { name: 'Tautan pemasangan tidak berlaku' })).toBeVisible();
});
