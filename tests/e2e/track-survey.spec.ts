// The satisfaction survey on the citizen's own phone (DOMAIN §1): once the ticket is served the
// tracking page invites them, they answer the nine questions, and the page thanks them, also after
// a reload; the survey is offered once per ticket.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, e2eSql } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
// Denpasar: the other specs work in Bandung and Jayapura
const slug = 'denpasar';

let counterId: string;
let serviceId: string;

test.beforeAll(async () => {
	const sql = e2eSql();
	try {
		// a counter of one service, open for the test
		const [row] = await sql<{ counterId: string; serviceId: string }[]>`
			SELECT c.id AS "counterId", cs.service_id AS "serviceId"
			FROM counters c JOIN mpps m ON m.id = c.mpp_id JOIN counter_services cs ON cs.counter_id = c.id
			WHERE m.slug = ${slug} AND c.active
			ORDER BY (SELECT count(*) FROM counter_services x WHERE x.counter_id = c.id), c.name DESC
			LIMIT 1`;
		counterId = row.counterId;
		serviceId = row.serviceId;
		await sql`UPDATE counters SET status = 'open' WHERE id = ${counterId}`;
	} finally {
		await sql.end();
	}
});

async function managerHeaders(request: APIRequestContext): Promise<Record<string, string>> {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	return { authorization: `Bearer ${(await session.json()).token}` };
}

async function issue(request: APIRequestContext, headers: Record<string, string>) {
	const response = await request.post(`/api/v1/mpps/${slug}/tickets`, { headers, data: { serviceId } });
	expect(response.status()).toBe(201);
	return (await response.json()) as { id: string; number: string; trackCode: string };
}

/** Calls and finishes tickets at the counter until `ticketId` is served (others may wait ahead). */
async function serveUntil(request: APIRequestContext, headers: Record<string, string>, ticketId: string) {
	for (let i = 0; i < 50; i++) {
		const called = await request.post(`/api/v1/counters/${counterId}/call-next`, { headers });
		expect(called.status()).toBe(200);
		const { ticket } = (await called.json()) as { ticket: { id: string } };
		expect((await request.post(`/api/v1/tickets/${ticket.id}/finish`, { headers })).status()).toBe(200);
		if (ticket.id === ticketId) return;
	}
	throw new Error('the ticket was never called');
}

async function answerAll(page: Page) {
	const choices: [string, string][] = [
		['Persyaratan', 'Sangat sesuai'],
		['Sistem, mekanisme, dan prosedur', 'Mudah'],
		['Waktu penyelesaian', 'Cepat'],
		['Biaya/tarif', 'Gratis'],
		['Produk pelayanan', 'Sesuai'],
		['Kompetensi petugas', 'Sangat kompeten'],
		['Perilaku petugas', 'Sangat sopan dan ramah'],
		['Penanganan pengaduan, saran, dan masukan', 'Dikelola dengan baik'],
		['Sarana dan prasarana', 'Baik']
	];
	for (const [element, answer] of choices) {
		await page.getByRole('group', { name: element }).getByText(answer, { exact: true }).click();
	}
}

test('a served citizen is invited live, answers on the phone, and is thanked once', async ({
	page,
	request
}) => {
	await page.setViewportSize({ width: 360, height: 800 });
	const headers = await managerHeaders(request);
	const mine = await issue(request, headers);

	await page.goto(`/t/${mine.trackCode}`);
	await expect(page.getByRole('heading', { name: 'Menunggu panggilan' })).toBeVisible();
	// nobody is asked before the service
	await expect(page.getByText('Bagaimana pelayanan kami?')).toHaveCount(0);

	await serveUntil(request, headers, mine.id);
	await expect(page.getByRole('heading', { name: 'Selesai dilayani' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Bagaimana pelayanan kami?' })).toBeVisible();
	const invite = page.getByRole('button', { name: 'Isi survei kepuasan (1 menit)' });
	await expect(invite).toBeVisible();
	// a thumb-sized button
	expect((await invite.boundingBox())!.height).toBeGreaterThanOrEqual(48);
	await page.screenshot({ path: 'test-results/screenshots/track-survey-invite.png' });

	await invite.click();
	await expect(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
	await expect(page.getByText(`Tiket ${mine.number}`)).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/track-survey-form-top.png' });
	await answerAll(page);
	await page.getByLabel('Saran dan masukan').fill('Petugas ramah, terima kasih.');
	await page.screenshot(shot('track-survey-form'));
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();

	const thanks = page.getByText('Terima kasih, penilaian Anda sudah kami terima.');
	await expect(thanks).toBeVisible();
	await expect(thanks).toBeInViewport();
	await expect(page.getByRole('button', { name: 'Kirim penilaian' })).toHaveCount(0);
	await page.screenshot({ path: 'test-results/screenshots/track-survey-thanks.png' });

	// the answer is kept: a reload thanks again and offers no second survey
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Selesai dilayani' })).toBeVisible();
	await expect(page.getByText('Terima kasih, penilaian Anda sudah kami terima.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Isi survei kepuasan (1 menit)' })).toHaveCount(0);
	await page.screenshot(shot('track-survey-answered'));

	const status = await request.get(`/api/v1/tickets/${mine.trackCode}/survey`);
	expect(status.status()).toBe(200);
	expect(await status.json()).toMatchObject({ answered: true, closed: false });
});

test('the page as first sent already knows whether the survey was answered', async ({ browser, request }) => {
	const headers = await managerHeaders(request);
	const mine = await issue(request, headers);
	await serveUntil(request, headers, mine.id);
	// no JavaScript: only what the server rendered
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 800 }
	});
	const page = await context.newPage();
	try {
		await page.goto(`/t/${mine.trackCode}`);
		await expect(page.getByRole('button', { name: 'Isi survei kepuasan (1 menit)' })).toBeVisible();

		const answers = {
			persyaratan: 3,
			prosedur: 3,
			waktu: 2,
			biaya: 4,
			produk: 3,
			kompetensi: 4,
			perilaku: 4,
			pengaduan: 3,
			sarana: 3
		};
		// the citizen's own browser, not the manager's signed-in request context (staff are refused)
		const posted = await page.request.post(`/api/v1/tickets/${mine.trackCode}/survey`, { data: { answers } });
		expect(posted.status()).toBe(201);

		await page.goto(`/t/${mine.trackCode}`);
		await expect(page.getByText('Terima kasih, penilaian Anda sudah kami terima.')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Isi survei kepuasan (1 menit)' })).toHaveCount(0);
	} finally {
		await context.close();
	}
});
