// "Which MPPs differ from the national opening hours?" (issue 14) from the pages alone: the ministry
// opens the Opening hours tab, reads the norm and the differing MPP with its days, and downloads the
// answer as CSV. The e2e server opens every demo MPP around the clock; Jayapura keeps office hours
// with a Saturday morning for this test (and gets its hours back after).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { e2eSql, signInAt } from './demo';

const office = {
	sun: [],
	mon: [['08:00', '16:00']],
	tue: [['08:00', '16:00']],
	wed: [['08:00', '16:00']],
	thu: [['08:00', '16:00']],
	fri: [['08:00', '16:00']],
	sat: [['08:00', '12:00']]
};
let saved: unknown;

test.beforeAll(async () => {
	const sql = e2eSql();
	try {
		[{ hours: saved }] = await sql`SELECT opening_hours AS hours FROM mpps WHERE slug = 'jayapura'`;
		await sql`UPDATE mpps SET opening_hours = ${sql.json(office)} WHERE slug = 'jayapura'`;
	} finally {
		await sql.end();
	}
});
test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`UPDATE mpps SET opening_hours = ${sql.json(saved as never)} WHERE slug = 'jayapura'`;
	} finally {
		await sql.end();
	}
});

test('the ministry finds the MPPs that differ from the national opening hours and downloads them', async ({
	page
}) => {
	await signInAt(page, '/ministry', 'ministry@antrean.test');
	await page.getByRole('link', { name: 'Jam layanan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Keseragaman jam layanan' })).toBeVisible();
	// the norm: the week the other demo MPPs keep (around the clock in the e2e world)
	await expect(page.getByTestId('schedule-norm').getByRole('row').first()).toContainText('00:00–24:00');
	await expect(page.getByTestId('schedule-summary')).toContainText('MPP melayani hari Sabtu');
	// (an MPP another spec created with its own hours may differ too)
	const rows = page.getByTestId('schedule-row');
	const jayapura = rows.filter({ hasText: 'Mal Pelayanan Publik Kota Jayapura' });
	await expect(jayapura).toHaveCount(1);
	await expect(jayapura).toContainText('08:00–12:00');
	await expect(rows.filter({ hasText: 'Mal Pelayanan Publik Kota Bandung' })).toHaveCount(0);
	const differing = await rows.count();
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await page.screenshot({ path: 'test-results/screenshots/ministry-schedules.png', fullPage: true });

	// every MPP on request, and the answer as a file
	await page.getByLabel('Tampilkan semua MPP, juga yang sesuai norma').check();
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/all=1/);
	await expect(rows.filter({ hasText: 'Mal Pelayanan Publik Kota Bandung' })).toHaveCount(1);
	expect(await rows.count()).toBeGreaterThan(differing);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh CSV' }).click();
	const csv = readFileSync((await (await download).path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(csv[0].startsWith('mpp,name,province,city,zone,differs,differs_on,saturday')).toBe(true);
	expect(csv[1].startsWith('national_norm,')).toBe(true);
	expect(csv.find((line) => line.startsWith('jayapura,'))).toContain(',yes,mon tue wed thu fri sat sun,yes,');
	expect(csv.find((line) => line.startsWith('bandung,'))).toContain(',no,,');
});
