// A mobile unit's stops (issue 13) in a real Chromium: the MPP's admin plans where the bus serves
// tomorrow, is told in words when the place is missing, sees the plan listed and removes it; the
// closed days beside it (the same editor) keep working.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './demo';

const slug = 'jayapura';

test('plans, lists and removes a stop of the mobile unit', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
	const page = await context.newPage();
	await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/${slug}`)}`);
	await page.getByLabel('Email').fill(`manager.${slug}@antrean.test`);
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname === `/admin/${slug}`);

	const stops = page.getByTestId('stops-entries');
	await expect(stops.getByRole('heading', { name: 'Lokasi unit keliling (jemput bola)' })).toBeVisible();
	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await stops.getByLabel('Tanggal').fill(tomorrow);
	// a place of spaces only: refused with a sentence next to the field, nothing saved
	await stops.getByLabel('Tempat').fill('   ');
	await stops.getByRole('button', { name: 'Simpan lokasi' }).click();
	await expect(stops.locator('#stops-text-problem')).not.toBeEmpty();
	await stops.getByLabel('Tempat').fill('Pasar Youtefa, Abepura');
	await stops.getByRole('button', { name: 'Simpan lokasi' }).click();
	await expect(stops.getByRole('cell', { name: 'Pasar Youtefa, Abepura' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/admin-stops.png', fullPage: true });
	await stops.getByRole('button', { name: 'Hapus' }).click();
	await expect(stops.getByRole('cell', { name: 'Pasar Youtefa, Abepura' })).toHaveCount(0);
	// the closed days use the same editor and are still there
	await expect(page.getByTestId('closed-entries').getByLabel('Tanggal')).toBeVisible();
	await context.close();
});
