// Administration (issue 6 slice 1) in a real Chromium: an MPP's admin adds an agency, a service and a
// counter through the forms; a paired TV picks them up without a reload and shows the call of a ticket
// for the new service; a new running text reaches it live; the audit trail names who did it; revoked, it
// says so.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, e2eSql } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
const slug = 'jayapura';

async function signIn(browser: Browser, email: string, path: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
	const page = await context.newPage();
	await page.goto(`/login?redirectTo=${encodeURIComponent(path)}`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname.startsWith('/admin'));
	return page;
}

/** An unpaired TV shows a pairing code; the admin types it in on the Devices tab; the TV opens. */
async function pairTv(browser: Browser, admin: Page): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
	const tv = await context.newPage();
	await tv.addInitScript(() => localStorage.setItem('antrean.display.sound', 'off'));
	const refused = await tv.goto(`/display/${slug}`);
	expect(refused?.status()).toBe(403);
	await tv.getByRole('link', { name: 'Tampilkan kode pemasangan' }).click();
	const code = (await tv.getByTestId('pairing-code').innerText()).replace(/\s/g, '');
	expect(code).toMatch(/^[A-Z2-9]{6}$/);
	await tv.screenshot({ path: shot('admin-pairing-code') });

	await admin.getByRole('link', { name: 'Perangkat' }).click();
	await admin.getByLabel('Kode pada layar perangkat').fill(code.toLowerCase());
	await admin.getByLabel('Nama perangkat').fill('TV Lobi Perpustakaan');
	await admin.getByRole('button', { name: 'Pasangkan perangkat' }).click();
	await expect(admin.getByText('TV Lobi Perpustakaan terpasang')).toBeVisible();
	// the TV notices within seconds and opens its board
	await expect(tv).toHaveURL(new RegExp(`/display/${slug}$`), { timeout: 15_000 });
	await expect(tv.getByText('Tersambung')).toBeVisible({ timeout: 15_000 });
	await admin.reload();
	await expect(admin.getByTestId('devices').getByText('TV Lobi Perpustakaan')).toBeVisible();
	await admin.screenshot({ path: shot('admin-devices'), fullPage: true });
	return tv;
}

async function managerApi(request: APIRequestContext) {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	const { token } = (await session.json()) as { token: string };
	const headers = { authorization: `Bearer ${token}` };
	return {
		async serviceId(code: string): Promise<string> {
			const body = (await (await request.get(`/api/v1/mpps/${slug}/services`, { headers })).json()) as {
				services: { id: string; code: string }[];
			};
			return body.services.find((s) => s.code === code)!.id;
		},
		async counterId(name: string): Promise<string> {
			const body = (await (await request.get(`/api/v1/mpps/${slug}/counters`, { headers })).json()) as {
				counters: { id: string; name: string }[];
			};
			return body.counters.find((c) => c.name === name)!.id;
		},
		async issue(serviceId: string) {
			const response = await request.post(`/api/v1/mpps/${slug}/tickets`, { headers, data: { serviceId } });
			expect(response.status(), await response.text()).toBe(201);
			return (await response.json()) as { id: string; number: string; trackCode: string };
		},
		async open(counterId: string) {
			const response = await request.post(`/api/v1/counters/${counterId}/status`, {
				headers,
				data: { status: 'open' }
			});
			expect(response.status(), await response.text()).toBe(200);
		},
		async callNext(counterId: string) {
			const response = await request.post(`/api/v1/counters/${counterId}/call-next`, { headers });
			expect(response.status(), await response.text()).toBe(200);
			return ((await response.json()) as { ticket: { number: string } }).ticket;
		},
		async track(trackCode: string) {
			return (await (await request.get(`/api/v1/tickets/${trackCode}`)).json()) as { serviceId: string };
		}
	};
}

test('an admin pairs a TV by code, adds an agency, a service and a counter; the TV shows their call live; revoking disconnects it', async ({
	browser,
	request
}) => {
	// the longest journey of the suite (three browsers, a dozen forms): room for a busy machine
	test.slow();
	const admin = await signIn(browser, `manager.${slug}@antrean.test`, '/admin');
	// an MPP's admin lands on their own MPP
	await expect(admin).toHaveURL(new RegExp(`/admin/${slug}$`));
	await expect(admin.getByRole('heading', { name: 'Pengaturan MPP' })).toBeVisible();
	await admin.screenshot({ path: shot('admin-settings'), fullPage: true });
	const tv = await pairTv(browser, admin);

	await admin.getByRole('link', { name: 'Instansi & layanan' }).click();
	await admin.getByRole('link', { name: 'Tambah instansi' }).click();
	await admin.getByLabel('Nama instansi').fill('Dinas Perpustakaan dan Arsip');
	await admin.getByLabel('Kode instansi').fill('PERPUS');
	await admin.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	await expect(admin.getByRole('cell', { name: 'Dinas Perpustakaan dan Arsip' })).toBeVisible();

	await admin.getByRole('link', { name: 'Tambah layanan' }).click();
	await admin.getByLabel('Nama layanan').fill('Kartu Anggota Perpustakaan');
	await admin
		.getByRole('combobox', { name: 'Instansi', exact: true })
		.selectOption({ label: 'Dinas Perpustakaan dan Arsip' });
	// a prefix already in use is flagged while typing, before anything is sent
	await admin.getByLabel('Awalan nomor antrean').fill('A');
	await expect(admin.getByText('Awalan A sudah dipakai layanan')).toBeVisible();
	await admin.getByLabel('Kode layanan').fill('KARTU_PERPUS');
	await expect(admin.getByText('Belum ada loket yang melayani layanan ini')).toBeVisible();
	await admin.screenshot({ path: shot('admin-service-editor-flags'), fullPage: true });
	// the server refuses it too, field by field
	await admin.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Belum tersimpan. Periksa isian yang ditandai.')).toBeVisible();
	await expect(admin.getByText(/Awalan ini sudah dipakai layanan/)).toBeVisible();
	await admin.getByLabel('Awalan nomor antrean').fill('X');
	await admin.getByLabel('Saya mengerti, simpan tanpa loket').check();
	await admin.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	const row = admin.getByTestId('services').getByRole('row', { name: /Kartu Anggota Perpustakaan/ });
	await expect(row.getByText('Belum ada loket')).toBeVisible();
	// the TV refetches its snapshot: the new agency and its prefix are listed, no reload
	await expect(tv.getByTestId('waiting')).toContainText('Dinas Perpustakaan dan Arsip');

	await admin.getByRole('link', { name: 'Loket', exact: true }).click();
	await admin.getByRole('link', { name: 'Tambah loket' }).click();
	await admin.getByLabel('Nama loket').fill('Loket Perpustakaan');
	await admin.getByLabel('Kartu Anggota Perpustakaan').check();
	await admin.screenshot({ path: shot('admin-counter-editor'), fullPage: true });
	await admin.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	await expect(admin.getByTestId('counters').getByText('Loket Perpustakaan')).toBeVisible();
	await admin.screenshot({ path: shot('admin-counters'), fullPage: true });

	// a ticket for the new service, called at the new counter, shows on the TV that never reloaded
	const api = await managerApi(request);
	const serviceId = await api.serviceId('KARTU_PERPUS');
	const counterId = await api.counterId('Loket Perpustakaan');
	await api.open(counterId);
	const ticket = await api.issue(serviceId);
	expect(ticket.number).toMatch(/^X\d{3}$/);
	const called = await api.callNext(counterId);
	expect(called.number).toBe(ticket.number);
	await expect(tv.getByTestId('current-number')).toHaveText(ticket.number);
	await expect(tv.getByTestId('current-counter')).toContainText('Loket Perpustakaan');

	// a new running text reaches the TV at once
	await admin.getByRole('link', { name: 'Pengaturan MPP' }).click();
	await admin.getByLabel('Teks berjalan di layar TV').fill('Layanan perpustakaan kini hadir di MPP Jayapura');
	await admin.getByRole('button', { name: 'Simpan jam layanan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	await expect(tv.getByTestId('running-text')).toContainText('Layanan perpustakaan kini hadir');
	await tv.screenshot({ path: shot('admin-tv-after-changes') });

	// who did it, in the audit trail
	await admin.getByRole('link', { name: 'Jejak audit' }).click();
	await admin.getByLabel('Cari').fill('Perpustakaan');
	await admin.getByRole('button', { name: 'Tampilkan' }).click();
	const audit = admin.getByTestId('audit');
	await expect(audit.getByText('Kartu Anggota Perpustakaan').first()).toBeVisible();
	await expect(audit.getByText('Loket Perpustakaan').first()).toBeVisible();
	await admin.screenshot({ path: shot('admin-audit'), fullPage: true });

	// revoking the TV disconnects it at once, and it is no longer paired
	await admin.getByRole('link', { name: 'Perangkat' }).click();
	admin.once('dialog', (dialog) => void dialog.accept());
	await admin
		.getByTestId('devices')
		.getByRole('row', { name: /TV Lobi Perpustakaan/ })
		.getByRole('button', { name: 'Cabut' })
		.click();
	await expect(admin.getByTestId('devices').getByText('Dicabut')).toBeVisible();
	// it does not spin in "reconnecting": it says it was revoked and how to pair again
	await expect(tv.getByTestId('device-revoked')).toBeVisible({ timeout: 10_000 });
	const again = await tv.reload();
	expect(again?.status()).toBe(403);
	await tv.context().close();
	await admin.context().close();
});

test('deactivating a service with a citizen waiting asks what to do and transfers the ticket; a new operator joins its counter', async ({
	browser,
	request
}) => {
	const api = await managerApi(request);
	const ticket = await api.issue(await api.serviceId('KARTU_PERPUS'));
	const admin = await signIn(browser, `manager.${slug}@antrean.test`, `/admin/${slug}/services`);
	const row = admin.getByTestId('services').getByRole('row', { name: /Kartu Anggota Perpustakaan/ });
	await row.getByRole('link', { name: 'Nonaktifkan' }).click();
	await expect(admin.getByText('1 warga masih menunggu layanan ini')).toBeVisible();
	await admin.getByLabel('Layanan tujuan', { exact: true }).selectOption({ index: 0 });
	const target = await admin.getByLabel('Layanan tujuan', { exact: true }).inputValue();
	await admin.screenshot({ path: shot('admin-service-deactivate'), fullPage: true });
	await admin
		.getByRole('region', { name: /Nonaktifkan layanan/ })
		.getByRole('button', { name: 'Nonaktifkan' })
		.click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	await expect(row.getByText('Nonaktif')).toBeVisible();
	const tracked = await api.track(ticket.trackCode);
	expect(tracked.serviceId).toBe(target);

	// a new operator at the new counter
	await admin.getByRole('link', { name: 'Pengguna' }).click();
	await admin.getByRole('link', { name: 'Tambah pengguna' }).click();
	await admin.getByLabel('Nama', { exact: true }).fill('Yohana Wenda');
	await admin.getByLabel('Email').fill('yohana.wenda@antrean.test');
	await admin.getByLabel('Kata sandi awal').fill('sandi-awal-yohana');
	await admin.getByLabel('Loket Perpustakaan').check();
	await admin.screenshot({ path: shot('admin-person-editor'), fullPage: true });
	await admin.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	const person = admin.getByTestId('people').getByRole('row', { name: /Yohana Wenda/ });
	await expect(person.getByText('Loket Perpustakaan')).toBeVisible();
	await expect(person.getByText('Petugas loket')).toBeVisible();
	await admin.context().close();
});

// The MPP the superadmin adds here would join the national ranking the ministry specs count (the
// three demo MPPs): deactivated once this file is done, as a real superadmin would retire a test MPP.
test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`UPDATE mpps SET active = false WHERE slug = 'kab-contoh'`;
	} finally {
		await sql.end();
	}
});

test('the superadmin adds an MPP; bad input is named field by field; another MPP is out of reach', async ({
	browser
}) => {
	const superadmin = await signIn(browser, 'admin@antrean.test', '/admin');
	await expect(superadmin.getByRole('heading', { name: 'Daftar MPP' })).toBeVisible();
	await superadmin.screenshot({ path: shot('admin-mpps'), fullPage: true });
	await superadmin.getByRole('link', { name: 'Tambah MPP' }).click();
	await superadmin.getByLabel('Nama MPP').fill('Mal Pelayanan Publik Kabupaten Contoh');
	await superadmin.getByLabel('Alamat singkat').fill('Kab Contoh!');
	await superadmin.getByLabel('Provinsi').fill('Papua');
	await superadmin.getByLabel('Kabupaten/kota').fill('Kabupaten Contoh');
	await superadmin.getByLabel('Zona waktu').selectOption('Asia/Jayapura');
	await superadmin.getByRole('button', { name: 'Simpan MPP' }).click();
	await expect(superadmin.getByText('Gunakan huruf kecil, angka, dan tanda hubung saja')).toBeVisible();
	await superadmin.screenshot({ path: shot('admin-new-mpp-error'), fullPage: true });
	await superadmin.getByLabel('Alamat singkat').fill('kab-contoh');
	await superadmin.getByRole('button', { name: 'Simpan MPP' }).click();
	await expect(superadmin).toHaveURL(/\/admin\/kab-contoh$/);
	await expect(superadmin.getByTestId('mpp-name')).toHaveText('Mal Pelayanan Publik Kabupaten Contoh');

	// the new MPP's agencies, services and counters from the CSV template: checked first, then imported
	await superadmin.getByRole('link', { name: 'Impor/ekspor' }).click();
	const template = await (await superadmin.request.get('/admin/kab-contoh/import/template.csv')).text();
	const file = { name: 'setup.csv', mimeType: 'text/csv', buffer: Buffer.from(template) };
	await superadmin.getByLabel('Berkas CSV').setInputFiles(file);
	await superadmin.getByRole('button', { name: 'Periksa dulu (tanpa menyimpan)' }).click();
	await expect(superadmin.getByText('Hasil pemeriksaan: belum ada yang disimpan.')).toBeVisible();
	await expect(superadmin.getByText('4 baru, 0 diperbarui, 0 tidak berubah.')).toBeVisible();
	await superadmin.getByLabel('Berkas CSV').setInputFiles(file);
	await superadmin.getByRole('button', { name: 'Impor', exact: true }).click();
	await expect(superadmin.getByText('Impor selesai dan tersimpan.')).toBeVisible();
	await superadmin.getByLabel('Berkas CSV').setInputFiles({
		...file,
		buffer: Buffer.from(template.replace('KK,Kartu Keluarga,DUKCAPIL,AK', 'KK,Kartu Keluarga,DUKCAPIL,A'))
	});
	await superadmin.getByRole('button', { name: 'Periksa dulu (tanpa menyimpan)' }).click();
	await expect(
		superadmin.getByText('Tidak ada yang disimpan: perbaiki baris berikut lalu coba lagi.')
	).toBeVisible();
	await expect(
		superadmin.getByTestId('import-report').getByText(/Awalan ini sudah dipakai layanan KTP Elektronik/)
	).toBeVisible();
	await superadmin.screenshot({ path: shot('admin-import-errors'), fullPage: true });
	await superadmin.context().close();

	const other = await signIn(browser, 'manager.bandung@antrean.test', '/admin');
	const refused = await other.goto(`/admin/${slug}`);
	expect(refused?.status()).toBe(403);
	await expect(other.getByText('Halaman ini hanya untuk pengelola MPP tersebut')).toBeVisible();
	await other.context().close();
});
