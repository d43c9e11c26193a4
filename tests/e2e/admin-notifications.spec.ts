// The MPP admin's Notifications tab (issue 12) in a real Chromium: a number that is not Indonesian is
// refused next to its field; a valid one is saved in E.164 and, from then on, the citizen's tracking
// page offers the wa.me chat with the track code typed in; credentials never come back to the page.
// The number is removed again at the end, so other specs see the MPP as the demo made it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoEmail } from '../../src/lib/server/demo/plan';
import { DEMO_PASSWORD } from './demo';

const slug = 'jayapura';

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('an MPP admin sets the WhatsApp number and the tracking page links to it', async ({ page, request }) => {
	await page.goto(`/login?redirectTo=${encodeURIComponent(`/admin/${slug}/notifications`)}`);
	await page.getByLabel('Email').fill(demoEmail(`manager.${slug}`));
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname === `/admin/${slug}/notifications`);
	await expect(page.getByRole('heading', { name: 'Pemberitahuan warga' })).toBeVisible();

	const number = page.getByLabel('Nomor WhatsApp MPP');
	await number.fill('+65 9123 4567');
	await page.getByRole('button', { name: 'Simpan pemberitahuan' }).click();
	await expect(page.getByText('Tulis nomor Indonesia, misalnya +62 812-3456-7890')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);

	await number.fill('0812 3456 7890');
	await page.getByLabel('ID nomor telepon (phone number ID)').fill('109876543210');
	await page.getByLabel('Token akses').fill('EAAG-e2e-access-token-0123456789');
	await page.getByLabel('App secret').fill('e2e-app-secret-0123456789');
	await page.getByLabel('Token verifikasi webhook').fill('e2e-verify-token-0123');
	await page.getByRole('button', { name: 'Simpan pemberitahuan' }).click();
	await expect(page.getByText('Perubahan tersimpan')).toBeVisible();
	await page.reload();
	await expect(number).toHaveValue('+6281234567890');
	await expect(page.getByText('Pengirim Cloud API aktif untuk ID nomor 109876543210.')).toBeVisible();
	await expect(page.getByLabel('Token akses')).toHaveValue('');
	expect(await page.content()).not.toContain('EAAG-e2e-access-token');

	// a citizen's ticket of this MPP now offers the chat
	const session = await request.post('/api/v1/session', {
		data: { email: demoEmail(`manager.${slug}`), password: DEMO_PASSWORD }
	});
	const staff = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const { services } = (await (
		await request.get(`/api/v1/mpps/${slug}/services`, { headers: staff })
	).json()) as {
		services: { id: string }[];
	};
	const issued = await request.post(`/api/v1/mpps/${slug}/tickets`, {
		headers: staff,
		data: { serviceId: services[0].id }
	});
	const { id, trackCode } = (await issued.json()) as { id: string; trackCode: string };
	const citizen = await page.context().newPage();
	await citizen.goto(`/t/${trackCode}`);
	const link = citizen.getByRole('link', { name: 'Kabari saya lewat WhatsApp' });
	expect(await seriousViolations(citizen)).toEqual([]);
	await expect(link).toHaveAttribute(
		'href',
		`https://wa.me/6281234567890?text=Kabari%20saya%3A%20${trackCode}`
	);
	await citizen.close();
	// the e2e database is shared: a ticket left waiting would be called by another spec's call-next
	expect((await request.post(`/api/v1/tickets/${id}/cancel`, { headers: staff })).status()).toBe(200);

	// switched off again: no number, no Cloud API
	await number.fill('');
	await page.getByLabel('ID nomor telepon (phone number ID)').fill('');
	await page.getByRole('button', { name: 'Simpan pemberitahuan' }).click();
	await expect(page.getByText('Perubahan tersimpan')).toBeVisible();
});
