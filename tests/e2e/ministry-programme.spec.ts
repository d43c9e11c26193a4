// The ministry's programme view in Chromium (issue 14): the coverage matrix with its two CSVs, the
// province tile map recoloured by IKM, an MPP's readiness recorded through the form with the score and
// history shown, and a citizen following the SP4N-LAPOR! link from the tracking page, counted on the
// ministry's complaints page.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { mppLogins } from '../../src/lib/server/demo/plan';
import { demoMpps } from '../../src/lib/server/demo/profile';
import { DEMO_PASSWORD, downloaded, e2eSql, signInAt } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`DELETE FROM mpp_readiness WHERE mpp_id = (SELECT id FROM mpps WHERE slug = 'denpasar')`;
	} finally {
		await sql.end();
	}
});

test('the ministry reads the service matrix and the province map, and records an MPP’s readiness', async ({
	page
}) => {
	await signInAt(page, '/ministry', 'ministry@antrean.test');

	await page.getByRole('link', { name: 'Matriks layanan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Matriks layanan MPP' })).toBeVisible();
	const matrix = page.getByTestId('service-matrix');
	await expect(matrix.getByRole('row', { name: /Bandung/ })).toBeVisible();
	await expect(page.getByTestId('province-gaps')).toContainText('Jawa Barat');
	expect(await seriousViolations(page)).toEqual([]);
	const rows = await downloaded(page, 'Unduh CSV matriks');
	expect(rows[0]).toContain('mou_share_percent');
	expect(rows[0]).toContain('PASPOR');
	expect(rows.length).toBeGreaterThanOrEqual(4);
	const gaps = await downloaded(page, 'Unduh CSV kesenjangan');
	expect(gaps[0]).toBe('province,mpps,mou_share_percent,standard_code,standard_name,agency,mpps_lacking');

	await page.getByRole('link', { name: 'Cakupan' }).click();
	const tiles = page.getByTestId('province-tiles').getByRole('listitem');
	await expect(tiles).toHaveCount(38);
	// coloured by coverage first: Bandung operates in one of West Java's 27 regencies and cities
	await expect(tiles.filter({ hasText: 'JABAR' })).toContainText('3,7%');
	await expect(tiles.filter({ hasText: 'ACEH' })).toContainText('0,0%');
	await expect(page.getByTestId('province-tile-table').getByRole('row')).toHaveCount(39);
	await page.getByLabel('Warnai menurut').selectOption('ikm');
	await page.getByRole('button', { name: 'Warnai peta' }).click();
	await expect(page).toHaveURL(/map=ikm/);
	await expect(page.getByRole('list', { name: 'IKM' }).getByRole('listitem')).toHaveCount(38);
	// a province with no MPP on Antrean has no IKM to colour by
	await expect(tiles.filter({ hasText: 'ACEH' })).toContainText('—');
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot(shot('ministry-province-map'));

	await page.getByRole('link', { name: 'Kesiapan' }).click();
	await expect(page.getByTestId('readiness-formula')).toContainText('30 × min(jumlah ÷ 17, 1)');
	await page
		.getByTestId('readiness-table')
		.getByRole('link', { name: /Denpasar/ })
		.click();
	await page.getByLabel('Instansi yang hadir').fill('17');
	await page.getByLabel('Layanan digital').fill('5');
	await page.getByLabel('Fasilitas kelompok rentan').selectOption('true');
	await page
		.getByLabel('Kanal pengaduan (SP4N-LAPOR!)')
		.fill('https://www.lapor.go.id/instansi/mpp-denpasar');
	await page.getByLabel('Hasil SKM dipublikasikan').selectOption('true');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByRole('status')).toContainText('Tersimpan');
	// 30 + 20 × 5/10 + 20 + 15 + 15
	await expect(page.getByTestId('readiness-score')).toContainText('Skor kesiapan: 90,0 dari 100');
	await expect(page.getByTestId('readiness-history').getByRole('row')).toHaveCount(6);
	// the form keeps what it shows; one change more is one history row more
	await expect(page.getByLabel('Layanan digital')).toHaveValue('5');
	await page.getByLabel('Layanan digital').fill('10');
	await page.getByRole('button', { name: 'Simpan' }).click();
	await expect(page.getByTestId('readiness-score')).toContainText('Skor kesiapan: 100,0 dari 100');
	await expect(page.getByTestId('readiness-history').getByRole('row')).toHaveCount(7);
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot(shot('ministry-readiness'));
});

// Jayapura's water utility: one agency, one service (other specs use Bandung)
const mpp = demoMpps.find((m) => m.slug === 'jayapura')!;
const tenant = mpp.tenants.find((t) => t.code === 'PDAM')!;
const operator = mppLogins(mpp).find((l) => l.tenantName === tenant.name)!;

async function issueTicket(request: APIRequestContext) {
	const session = await request.post('/api/v1/session', {
		data: { email: operator.email, password: DEMO_PASSWORD }
	});
	const headers = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const { services } = (await (await request.get('/api/v1/mpps/jayapura/services', { headers })).json()) as {
		services: { id: string; name: string }[];
	};
	const serviceId = services.find((s) => s.name === tenant.services[0].name)!.id;
	const response = await request.post('/api/v1/mpps/jayapura/tickets', { headers, data: { serviceId } });
	expect(response.status()).toBe(201);
	const ticket = (await response.json()) as { id: string; trackCode: string };
	// cancelled at once: the queue other specs count stays as they left it, and the link is on every status
	const cancelled = await request.post(`/api/v1/tickets/${ticket.id}/cancel`, { headers });
	expect(cancelled.status()).toBe(200);
	return ticket;
}

test('a citizen follows the SP4N-LAPOR! link from the tracking page; the ministry sees it counted', async ({
	page,
	request,
	context
}) => {
	// SP4N-LAPOR! itself is outside the test's world: answered here, so the click lands somewhere
	await context.route('https://www.lapor.go.id/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<h1>SP4N-LAPOR!</h1>' })
	);
	const { trackCode } = await issueTicket(request);
	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto(`/t/${trackCode}`);
	const complaint = page.getByTestId('complaint-link');
	await expect(complaint).toContainText('Jayapura');
	expect(await seriousViolations(page)).toEqual([]);
	const popup = page.waitForEvent('popup');
	await complaint.getByRole('link', { name: 'Sampaikan pengaduan di SP4N-LAPOR!' }).click();
	const lapor = await popup;
	await expect(lapor.getByRole('heading', { name: 'SP4N-LAPOR!' })).toBeVisible();
	expect(lapor.url()).toMatch(/^https:\/\/www\.lapor\.go\.id\//);
	// the tracking page stays where it was, still following the ticket
	await expect(page).toHaveURL(new RegExp(`/t/${trackCode}$`));

	await signInAt(page, '/ministry/complaints', 'ministry@antrean.test');
	const to = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
	await page.goto(`/ministry/complaints?from=${to}&to=${to}`);
	await expect(page.getByTestId('complaints-table').getByRole('row', { name: /Jayapura/ })).toContainText(
		'1'
	);
	const csv = await downloaded(page, 'Unduh CSV');
	expect(csv.find((line) => line.startsWith('mpp,jayapura,'))).toMatch(/,[1-9]\d*,\d+,\d+,/);
});
