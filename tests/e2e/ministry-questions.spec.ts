// Issue 14's four questions, answered by a ministry user from the pages alone, each with its CSV:
// 1. Which MPPs lack the Imigrasi passport service?  2. How does KTP-el waiting compare across
// provinces?  3. How many regencies and cities are still without an MPP against this year's target?
// 4. Which MPPs differ from the national opening hours?
import { expect, test } from '@playwright/test';
import { downloaded, e2eSql, signInAt } from './demo';

test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`DELETE FROM coverage_targets WHERE regencies = 321`;
	} finally {
		await sql.end();
	}
});

test('a ministry user answers the four programme questions from the pages and downloads each answer', async ({
	page
}) => {
	await signInAt(page, '/ministry', 'ministry@antrean.test');

	// 1. the passport service: the national catalogue → Paspor → the MPPs lacking it
	await page.getByRole('link', { name: 'Katalog layanan' }).click();
	await page.getByRole('link', { name: /^Paspor/ }).click();
	await expect(page.getByRole('heading', { name: 'MPP yang belum memiliki layanan ini' })).toBeVisible();
	const lacking = await downloaded(page, 'Unduh daftar MPP (CSV)');
	expect(lacking.length).toBeGreaterThanOrEqual(1);

	// 2. KTP-el waiting per province: the catalogue → KTP-el → per province, and its figures as CSV
	await page.getByRole('link', { name: 'Kembali ke katalog' }).click();
	await page.getByRole('link', { name: /^Perekaman dan pencetakan KTP-el/ }).click();
	await expect(page.getByRole('heading', { name: 'Per provinsi' })).toBeVisible();
	const ktp = await downloaded(page, 'Unduh angka (CSV)');
	expect(ktp[0]).toContain('level');
	expect(ktp.some((line) => line.includes(',province,'))).toBe(true);

	// 3. regencies and cities without an MPP against this year's target: the Coverage tab
	await page.getByRole('link', { name: 'Cakupan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Cakupan MPP di kabupaten/kota' })).toBeVisible();
	await expect(page.getByTestId('coverage-headline')).toContainText(
		'dari 514 kabupaten/kota belum memiliki MPP'
	);
	await page.getByLabel('Kabupaten/kota dengan MPP pada akhir tahun').fill('321');
	await page.getByRole('button', { name: 'Simpan target' }).click();
	await expect(page.getByTestId('coverage-headline')).toContainText(
		': 321 kabupaten/kota memiliki MPP; tercapai'
	);
	// the demo's three MPPs operate on Antrean in their regencies
	await page.getByLabel('Provinsi').selectOption('Papua');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(
		page.getByTestId('coverage-regions').getByRole('row', { name: /Kota Jayapura/ })
	).toContainText('Beroperasi di Antrean');
	await page.screenshot({ path: 'test-results/screenshots/ministry-coverage.png', fullPage: true });
	const coverage = await downloaded(page, 'Unduh CSV');
	expect(coverage.filter((line) => line.startsWith('regency,'))).toHaveLength(514);
	expect(coverage.find((line) => line.startsWith('national,'))).toContain(',321,');

	// 4. opening hours: the Opening hours tab and its CSV
	await page.getByRole('link', { name: 'Jam layanan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Keseragaman jam layanan' })).toBeVisible();
	const hours = await downloaded(page, 'Unduh CSV');
	expect(hours[1].startsWith('national_norm,')).toBe(true);
});
