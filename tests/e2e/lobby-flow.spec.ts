// The whole lobby at once, as issue 3 describes it: a citizen takes a ticket at the kiosk, an
// operator calls it from the counter console, and — each without a reload — the lobby TV shows the
// call and the citizen's phone names the counter to go to.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens } from './demo';

const slug = 'jayapura';
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Empties a counter's queues through the API, so the next call is the kiosk's ticket. */
async function drainCounter(request: APIRequestContext, counterName: string) {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	const headers = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const { counters } = (await (await request.get(`/api/v1/mpps/${slug}/counters`, { headers })).json()) as {
		counters: { id: string; name: string }[];
	};
	const counter = counters.find((c) => c.name === counterName)!;
	for (let i = 0; i < 200; i++) {
		const response = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers });
		if (response.status() === 204) return counter;
		expect(response.status()).toBe(200);
	}
	throw new Error(`${counterName} never ran empty`);
}

test('kiosk ticket → console call → TV and phone show it, live', async ({ browser, request }) => {
	// four browser contexts and two sign-ins: a shared CI machine needs more than a minute for it
	test.slow();
	const counter = await drainCounter(request, 'Loket 2');

	// the lobby TV, paired by its link, muted (display-sound.spec.ts covers the voice)
	const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
	await tv.addInitScript(() => localStorage.setItem('antrean.display.sound', 'off'));
	await tv.goto(`/display/${slug}?device=${deviceTokens(slug).display}`);
	await expect(tv.getByText('Tersambung')).toBeVisible({ timeout: 15_000 });

	// the operator at Loket 2 (Disdukcapil: KTP-el and Kartu Keluarga)
	const operator = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
	await operator.goto('/counter');
	await operator.getByLabel('Email').fill(`operator.${slug}.1@antrean.test`);
	await operator.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await operator.getByRole('button', { name: 'Masuk', exact: true }).click();
	// signed in: the login form sends an operator back to the console it came from
	await expect(operator).toHaveURL(/\/counter/, { timeout: 15_000 });
	await operator.goto(`/counter?c=${counter.id}`);
	await expect(operator.getByTestId('connection')).toHaveText('Terhubung');
	await expect(operator.getByText('Tidak ada yang menunggu', { exact: true })).toBeVisible();

	// a citizen at the kiosk: agency, service, confirm
	const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
	await kiosk.goto(`/kiosk/${slug}?device=${deviceTokens(slug).kiosk}&print=0`);
	await kiosk.getByRole('link', { name: /Disdukcapil Kota Jayapura/ }).click();
	await kiosk.getByRole('link', { name: /Kartu Keluarga/ }).click();
	await kiosk.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
	await expect(kiosk.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();
	const number = (await kiosk.locator('.number-line .number').textContent())!.trim();
	expect(number).toMatch(/^AK\d{3}$/);
	const slip = kiosk.getByRole('article', { name: 'Nomor Antrean' });
	const code = (await slip.locator('.code').textContent())!.replace(/^.*:\s*/, '').trim();

	// the citizen scans the slip's QR code with their phone
	const phone = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
	await phone.goto(`/t/${code}`);
	await expect(phone.getByRole('heading', { name: 'Menunggu panggilan' })).toBeVisible();
	await expect(phone.getByText(number, { exact: true })).toBeVisible();

	// the console counts the new citizen without a reload, and calls them with the keyboard
	await expect(operator.getByText('1 warga menunggu')).toBeVisible();
	await operator.keyboard.press('n');
	await expect(operator.getByTestId('current-number')).toHaveText(number);

	// every screen follows, none reloaded
	await expect(tv.getByTestId('current-number')).toHaveText(number);
	await expect(tv.getByTestId('current-counter')).toHaveText('Loket 2');
	await expect(phone.getByRole('heading', { name: 'Giliran Anda!' })).toBeVisible();
	await expect(phone.getByText('Loket 2', { exact: true })).toBeVisible();

	await tv.screenshot(shot('lobby-flow-tv'));
	await phone.screenshot(shot('lobby-flow-phone'));
	await operator.screenshot(shot('lobby-flow-console'));
});
