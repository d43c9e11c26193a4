// The feedback tablet beside a counter (DOMAIN §1): when the operator finishes a ticket, the tablet
// asks that citizen the nine questions, takes the answer and says thank you.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import { DEMO_PASSWORD, e2eSql } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const slug = 'bandung';

let tabletToken: string;
let counterId: string;
let serviceId: string;

test.beforeAll(async () => {
	const sql = e2eSql();
	try {
		// a counter of one service with its own feedback tablet, open for the test
		const [row] = await sql<{ counterId: string; serviceId: string; mppId: string }[]>`
			SELECT c.id AS "counterId", cs.service_id AS "serviceId", c.mpp_id AS "mppId"
			FROM counters c JOIN mpps m ON m.id = c.mpp_id JOIN counter_services cs ON cs.counter_id = c.id
			WHERE m.slug = ${slug} AND c.active
			ORDER BY (SELECT count(*) FROM counter_services x WHERE x.counter_id = c.id), c.name DESC
			LIMIT 1`;
		counterId = row.counterId;
		serviceId = row.serviceId;
		await sql`UPDATE counters SET status = 'open' WHERE id = ${counterId}`;
		tabletToken = generateToken();
		await sql`INSERT INTO devices (mpp_id, kind, name, token_hash)
			VALUES (${row.mppId}, 'feedback', 'Tablet survei (uji)', ${hashToken(tabletToken)})`;
	} finally {
		await sql.end();
	}
});

/** The manager serves one citizen at the tablet's counter through the public API; the finished ticket. */
async function serveOne(request: APIRequestContext): Promise<{ number: string }> {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	const headers = { authorization: `Bearer ${(await session.json()).token}` };
	expect(
		(await request.post(`/api/v1/mpps/${slug}/tickets`, { headers, data: { serviceId } })).status()
	).toBe(201);
	// whoever waits longest at this counter is called and served (the demo may have a queue already)
	const called = await request.post(`/api/v1/counters/${counterId}/call-next`, { headers });
	expect(called.status()).toBe(200);
	const { ticket } = await called.json();
	expect((await request.post(`/api/v1/tickets/${ticket.id}/finish`, { headers })).status()).toBe(200);
	return ticket;
}

async function pairTablet(page: Page) {
	await page.goto(`/feedback/${slug}?device=${tabletToken}&counter=${counterId}`);
	await expect(page).toHaveURL(new RegExp(`/feedback/${slug}\\?counter=${counterId}$`));
}

async function answerAll(page: Page, except: string[] = []) {
	const choices: [string, string][] = [
		['Persyaratan', 'Sesuai'],
		['Sistem, mekanisme, dan prosedur', 'Sangat mudah'],
		['Waktu penyelesaian', 'Cepat'],
		['Biaya/tarif', 'Gratis'],
		['Produk pelayanan', 'Sangat sesuai'],
		['Kompetensi petugas', 'Kompeten'],
		['Perilaku petugas', 'Sangat sopan dan ramah'],
		['Penanganan pengaduan, saran, dan masukan', 'Berfungsi kurang maksimal'],
		['Sarana dan prasarana', 'Baik']
	];
	for (const [element, answer] of choices) {
		if (except.includes(element)) continue;
		await page.getByRole('group', { name: element }).getByText(answer, { exact: true }).click();
	}
}

test('a tablet beside the counter asks the citizen just served, and thanks them', async ({
	page,
	request
}) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await pairTablet(page);
	await expect(page.getByRole('heading', { name: 'Terima kasih atas kunjungan Anda' })).toBeVisible();
	await page.screenshot(shot('survey-tablet-waiting'));

	const ticket = await serveOne(request);
	await expect(page.getByText(`Tiket ${ticket.number}`)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/survey-tablet-form.png' });

	await answerAll(page);
	await expect(page.getByText('9 dari 9 terjawab')).toBeVisible();
	await page.getByText('Data responden (opsional)').click();
	await page.getByRole('group', { name: 'Usia' }).getByText('60 ke atas').click();
	await page.getByLabel('Saran dan masukan (opsional)').fill('Ruang tunggu nyaman, petugas ramah.');
	await page.screenshot(shot('survey-tablet-filled'));
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();

	await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeVisible();
	await page.screenshot(shot('survey-tablet-thanks'));
});

test('on a phone-sized screen the form shows every question, names what is missing, then sends', async ({
	page,
	request
}) => {
	await page.setViewportSize({ width: 360, height: 800 });
	const ticket = await serveOne(request);
	// a tablet (re)loaded just after the finish still asks that citizen
	await pairTablet(page);
	await expect(page.getByText(`Tiket ${ticket.number}`)).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/survey-phone-top.png' });
	await page.screenshot(shot('survey-phone-full'));

	await answerAll(page, ['Sarana dan prasarana']);
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	await expect(page.getByText('Masih ada 1 pertanyaan yang belum dijawab.')).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/survey-phone-missing.png' });

	await page.getByRole('group', { name: 'Sarana dan prasarana' }).getByText('Sangat baik').click();
	await page.getByRole('button', { name: 'Kirim penilaian' }).click();
	await expect(page.getByRole('heading', { name: 'Terima kasih!' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/survey-phone-thanks.png' });
});

test('a visitor without a paired tablet sees that it is not paired', async ({ page }) => {
	await page.goto(`/feedback/${slug}`);
	await expect(page.getByRole('heading', { name: 'Tablet survei belum dipasangkan' })).toBeVisible();
});
