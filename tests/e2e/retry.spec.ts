// Issue 10 item 6 in Chromium: the kiosk and the counter console send one Idempotency-Key per press
// and the same key on a retry. The first answer is lost on the way back (the server handled the
// request, then the connection fails); the page retries, gets the first answer again, and the queue
// changed once.
import { expect, test, type Page, type Route } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens, e2eSql, signInAt } from './demo';

/** Lets the first request reach the server, then fails the connection; later ones pass and are recorded. */
function loseFirstAnswer() {
	const seen: { key: string | null; replayed: string | null; status: number }[] = [];
	const handler = async (route: Route) => {
		if (route.request().method() !== 'POST') return route.continue();
		const key = (await route.request().headerValue('idempotency-key')) ?? null;
		const response = await route.fetch();
		seen.push({
			key,
			replayed: response.headers()['idempotent-replayed'] ?? null,
			status: response.status()
		});
		if (seen.length === 1) return route.abort('connectionreset');
		return route.fulfill({ response });
	};
	return { seen, handler };
}

test('a kiosk press whose answer is lost prints one ticket, and the retry shows it', async ({ page }) => {
	const sql = e2eSql();
	try {
		await page.goto(`/kiosk/bandung?device=${deviceTokens('bandung').kiosk}&print=0`);
		await page.getByRole('link', { name: /Disdukcapil Kota Bandung/ }).click();
		await page.getByRole('link', { name: /KTP Elektronik/ }).click();
		const count = async () =>
			(
				await sql`SELECT count(*)::int AS n FROM tickets t JOIN mpps m ON m.id = t.mpp_id WHERE m.slug = 'bandung'`
			)[0].n as number;
		const before = await count();

		const lost = loseFirstAnswer();
		await page.route(
			(url) => url.pathname === '/kiosk/bandung' && url.search.startsWith('?/issue'),
			lost.handler
		);
		await page.getByRole('button', { name: 'Ambil Nomor Antrean' }).click();
		await expect(page.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();

		expect(lost.seen).toHaveLength(2);
		expect(lost.seen[0].key).toMatch(/^[0-9a-f-]{36}$/);
		expect(lost.seen[1].key).toBe(lost.seen[0].key);
		expect(lost.seen[1].replayed).toBe('true');
		expect(await count()).toBe(before + 1);
		// the slip is the ticket the first request issued
		const number = (await page.locator('.number-line .number').textContent())!.trim();
		const [latest] = await sql`
			SELECT t.number FROM tickets t JOIN mpps m ON m.id = t.mpp_id
			WHERE m.slug = 'bandung' ORDER BY t.issued_at DESC LIMIT 1`;
		expect(number).toBe(latest.number);
	} finally {
		await sql.end();
	}
});

test('a retried "next" at the console neither finishes the citizen just called nor calls another', async ({
	page,
	request
}) => {
	const slug = 'jayapura';
	const kiosk = { authorization: `Bearer ${deviceTokens(slug).kiosk}` };
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	const manager = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const { counters } = (await (
		await request.get(`/api/v1/mpps/${slug}/counters`, { headers: manager })
	).json()) as {
		counters: { id: string; name: string }[];
	};
	const counter = counters.find((c) => c.name === 'Loket 2')!;
	const { services } = (await (
		await request.get(`/api/v1/mpps/${slug}/services`, { headers: kiosk })
	).json()) as {
		services: { id: string; code: string }[];
	};
	const kk = services.find((s) => s.code === 'KK')!;
	await request.post(`/api/v1/counters/${counter.id}/status`, { headers: manager, data: { status: 'open' } });
	for (let i = 0; i < 200; i++) {
		const drained = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers: manager });
		if (drained.status() === 204) break;
	}
	const issue = async () =>
		(await (
			await request.post(`/api/v1/mpps/${slug}/tickets`, { headers: kiosk, data: { serviceId: kk.id } })
		).json()) as { id: string; number: string };
	const first = await issue();
	const second = await issue();

	await signInAt(page, '/counter', 'operator.jayapura.1@antrean.test');
	await page.getByRole('link', { name: /Loket 2/ }).click();
	await expect(page.getByRole('heading', { name: 'Loket 2' })).toBeVisible();
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');

	const lost = loseFirstAnswer();
	await page.route(`**/api/v1/counters/${counter.id}/call-next`, lost.handler);
	await pressNext(page);
	await expect(page.getByTestId('current-number')).toHaveText(first.number);

	expect(lost.seen).toHaveLength(2);
	expect(lost.seen[1].key).toBe(lost.seen[0].key);
	expect(lost.seen[1].replayed).toBe('true');
	const sql = e2eSql();
	try {
		const status = async (id: string) => (await sql`SELECT status FROM tickets WHERE id = ${id}`)[0].status;
		expect(await status(first.id)).toBe('called');
		expect(await status(second.id)).toBe('waiting');
	} finally {
		await sql.end();
	}
});

async function pressNext(page: Page) {
	await page.keyboard.press('Space');
	await expect(page.getByRole('group', { name: 'Tindakan tiket' })).toHaveAttribute('aria-busy', 'false');
}
