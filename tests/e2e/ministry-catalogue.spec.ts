// The national service catalogue as the ministry uses it (issue 14): open the catalogue, pick the
// passport service, see which MPPs lack it, and download that list as CSV. Jayapura's passport service
// is unmapped for this test (and mapped back after), so one demo MPP lacks it.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eSql, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;

/** No serious or critical axe-core violations, as the citizen screens are held to (a11y.spec.ts). */
async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.beforeAll(async () => {
	const sql = e2eSql();
	try {
		await sql`UPDATE services SET standard_code = NULL
			WHERE standard_code = 'PASPOR' AND mpp_id = (SELECT id FROM mpps WHERE slug = 'jayapura')`;
	} finally {
		await sql.end();
	}
});
test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`UPDATE services SET standard_code = 'PASPOR'
			WHERE code = 'PASPOR' AND mpp_id = (SELECT id FROM mpps WHERE slug = 'jayapura')`;
	} finally {
		await sql.end();
	}
});

test('the ministry picks the passport service in the catalogue, sees which MPPs lack it and downloads them', async ({
	page
}) => {
	await signInAt(page, '/ministry/catalogue', 'ministry@antrean.test');
	await expect(page.getByRole('heading', { level: 1, name: 'Katalog layanan nasional' })).toBeVisible();
	const table = page.getByTestId('standard-services');
	const passport = table.getByRole('row').filter({ hasText: 'Imigrasi' }).filter({ hasText: 'Paspor' });
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: shot('ministry-catalogue'), fullPage: true });
	// Bandung and Denpasar still map their passport service
	await expect(passport.locator('td.num')).toHaveText('2');
	await passport.getByRole('link', { name: 'Paspor (permohonan baru dan penggantian)' }).click();

	await expect(page).toHaveURL(/\/ministry\/services\/PASPOR$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Paspor (permohonan baru dan penggantian)'
	);
	await expect(page.getByTestId('lacking-count')).toHaveText('1 MPP belum memiliki layanan ini.');
	// the figures cover the two MPPs that map a passport service
	await expect(page.getByTestId('figures-mpps').getByRole('row')).toHaveCount(3);
	const lacking = page.getByTestId('lacking');
	await expect(lacking.getByRole('row')).toHaveCount(2);
	await expect(lacking).toContainText('Mal Pelayanan Publik Kota Jayapura');
	await expect(lacking).toContainText('Papua');

	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: shot('ministry-standard-service'), fullPage: true });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh daftar MPP (CSV)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('antrean-tanpa-paspor.csv');
	const lines = readFileSync((await file.path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(lines).toEqual([
		'standard_code,standard_name,agency,mpp,mpp_name,province,city',
		'PASPOR,Paspor (permohonan baru dan penggantian),Imigrasi (Ditjen Imigrasi),jayapura,Mal Pelayanan Publik Kota Jayapura,Papua,Kota Jayapura'
	]);
});
