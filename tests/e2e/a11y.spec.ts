// Accessibility basics of the citizen-facing screens (kiosk and tracking page): no serious or
// critical axe-core violations (contrast, names, roles, labels, language).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deviceTokens } from './demo';

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the kiosk start, service, confirm and ticket screens', async ({ page }) => {
	await page.setViewportSize({ width: 1080, height: 1920 });
	await page.goto(`/kiosk/denpasar?device=${deviceTokens('denpasar').kiosk}&print=0`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('link', { name: /Disdukcapil/ }).click();
	await expect(page.getByRole('heading', { name: 'Pilih layanan' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('link', { name: /KTP Elektronik/ }).click();
	await expect(page.getByRole('button', { name: 'Ambil Nomor Antrean' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
	await expect(page.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

test('the tracking page, waiting and not found', async ({ page }) => {
	await page.goto(`/kiosk/denpasar?device=${deviceTokens('denpasar').kiosk}&print=0`);
	await page.getByRole('link', { name: /Disdukcapil/ }).click();
	await page.getByRole('link', { name: /Kartu Keluarga/ }).click();
	await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
	const code = (await page.locator('.slip .code').textContent())!.replace(/^.*:\s*/, '').trim();

	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto(`/t/${code}`);
	await expect(page.getByRole('heading', { name: 'Menunggu panggilan' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await page.goto('/t/abcdefghjk');
	await expect(page.getByRole('heading', { name: 'Nomor antrean tidak ditemukan' })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
