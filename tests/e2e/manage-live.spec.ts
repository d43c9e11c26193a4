// The manager dashboard's Live tab as a manager uses it: sign in and land on your MPP, see the counters
// and queues, watch a ticket being issued and called without reloading, see an alert when a queue
// passes its target wait; people of another MPP, and operators, are refused.
import AxeBuilder from '@axe-core/playwright';
import { expect, request as requests, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens, e2eSql, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;

interface Service {
	id: string;
	code: string;
	prefix: string;
	name: string;
	waiting: number;
}
interface Counter {
	id: string;
	name: string;
	services: string[];
	status: string;
}

/** One demo MPP through the public API: the kiosk issues, the manager works counters. */
async function demoApi(request: APIRequestContext, slug: string) {
	const kiosk = { authorization: `Bearer ${deviceTokens(slug).kiosk}` };
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	const manager = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const services = (
		(await (await request.get(`/api/v1/mpps/${slug}/services`, { headers: kiosk })).json()) as {
			services: Service[];
		}
	).services;
	const counters = (
		(await (await request.get(`/api/v1/mpps/${slug}/counters`, { headers: manager })).json()) as {
			counters: Counter[];
		}
	).counters;
	const post = async (path: string, data?: object) => {
		const response = await request.post(path, { headers: manager, ...(data ? { data } : {}) });
		expect(response.status(), await response.text()).toBeLessThan(300);
		return response.status() === 204 ? null : response.json();
	};
	return {
		services,
		counters,
		service: (code: string) => services.find((s) => s.code === code)!,
		counter: (name: string) => counters.find((c) => c.name === name)!,
		async issue(serviceId: string): Promise<{ id: string; number: string; trackCode: string }> {
			const response = await request.post(`/api/v1/mpps/${slug}/tickets`, {
				headers: kiosk,
				data: { serviceId }
			});
			expect(response.status(), await response.text()).toBe(201);
			return response.json();
		},
		callNext: async (counter: Counter) =>
			(
				(await post(`/api/v1/counters/${counter.id}/call-next`)) as {
					ticket: { id: string; number: string };
				} | null
			)?.ticket ?? null,
		act: (ticketId: string, action: 'start' | 'finish') => post(`/api/v1/tickets/${ticketId}/${action}`),
		status: (counter: Counter, status: 'open' | 'paused' | 'closed') =>
			post(`/api/v1/counters/${counter.id}/status`, { status }),
		/** Calls (and so finishes) until nobody waits for this counter: a known start. */
		async drain(counter: Counter) {
			await this.status(counter, 'open');
			for (let i = 0; i < 200; i++) if ((await this.callNext(counter)) === null) return;
			throw new Error(`${counter.name} never ran empty`);
		},
		async survey(trackCode: string, score: 3 | 4) {
			const codes = [
				'persyaratan',
				'prosedur',
				'waktu',
				'biaya',
				'produk',
				'kompetensi',
				'perilaku',
				'pengaduan',
				'sarana'
			];
			// as the citizen: a request context of its own, without the manager's session (staff are refused)
			const citizen = await requests.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT}` });
			const response = await citizen.post(`/api/v1/tickets/${trackCode}/survey`, {
				data: { answers: Object.fromEntries(codes.map((c, i) => [c, i % 3 === 0 ? 4 : score])) }
			});
			expect(response.status(), await response.text()).toBe(201);
			await citizen.dispose();
		}
	};
}

const signIn = (page: Page, email: string, path: string) => signInAt(page, path, email);

const serviceRow = (page: Page, id: string) =>
	page.locator(`[data-testid="service-row"][data-service="${id}"]`);
const counterTile = (page: Page, id: string) => page.locator(`[data-testid="counter"][data-counter="${id}"]`);

test.describe('the Live tab', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('the manager lands on their MPP and watches a ticket issued and called, without a reload', async ({
		page,
		request
	}) => {
		const api = await demoApi(request, 'denpasar');
		const pkb = api.service('PKB');
		const counter = api.counters.find((c) => c.services.length === 1 && c.services[0] === pkb.id)!;
		await api.drain(counter);

		await signIn(page, 'manager.denpasar@antrean.test', '/login');
		await expect(page).toHaveURL(/\/manage\/denpasar$/);
		await expect(page.getByRole('heading', { name: 'Pemantauan langsung', level: 1 })).toBeVisible();
		await expect(page.getByTestId('mpp-name')).toHaveText('Mal Pelayanan Publik Kota Denpasar');
		await expect(page.getByRole('link', { name: 'Langsung' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByText(/\d{2}:\d{2} WITA/).first()).toBeVisible();
		await expect(page.getByTestId('connection')).toHaveText('Terhubung');

		// every counter and every service of the MPP, grouped by agency
		await expect(page.getByTestId('counter')).toHaveCount(api.counters.length);
		await expect(page.getByTestId('service-row')).toHaveCount(api.services.length);
		await expect(page.getByRole('columnheader', { name: 'Disdukcapil Kota Denpasar' })).toBeVisible();
		await expect(counterTile(page, counter.id)).toContainText(counter.name);
		await expect(counterTile(page, counter.id)).toContainText('Buka');

		// a marker a reload would wipe out
		await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
		const waiting = serviceRow(page, pkb.id).getByTestId('service-waiting');
		const before = Number(await waiting.textContent());
		const issuedBefore = Number(
			(await page.getByTestId('kpi-issued').locator('.value').textContent())!.replace(/\D/g, '')
		);

		const ticket = await api.issue(pkb.id);
		await expect(waiting).toHaveText(String(before + 1));
		await expect(page.getByTestId('kpi-issued').locator('.value')).toHaveText(String(issuedBefore + 1));

		const called = await api.callNext(counter);
		expect(called?.number).toBe(ticket.number);
		await expect(counterTile(page, counter.id).getByTestId('counter-ticket')).toHaveText(
			`Memanggil ${ticket.number}`
		);
		await expect(waiting).toHaveText(String(before));
		await api.act(ticket.id, 'start');
		await expect(counterTile(page, counter.id).getByTestId('counter-ticket')).toHaveText(
			`Melayani ${ticket.number}`
		);
		await api.act(ticket.id, 'finish');
		await expect(counterTile(page, counter.id).getByText('Kosong', { exact: true })).toBeVisible();

		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
	});

	test('a queue past its target wait is an alert, in words, at the top and in its row', async ({
		page,
		request
	}) => {
		const api = await demoApi(request, 'denpasar');
		const pbb = api.service('PBB');
		const counter = api.counters.find((c) => c.services.length === 1 && c.services[0] === pbb.id)!;
		await api.drain(counter);
		const ticket = await api.issue(pbb.id);
		// the citizen has been waiting 40 minutes; PBB's target is 15
		const sql = e2eSql();
		try {
			await sql`UPDATE tickets SET issued_at = now() - interval '40 minutes' WHERE id = ${ticket.id}`;
		} finally {
			await sql.end();
		}

		await signIn(page, 'supervisor.denpasar@antrean.test', '/manage/denpasar');
		await expect(page).toHaveURL(/\/manage\/denpasar$/);
		const row = serviceRow(page, pbb.id);
		await expect(row.getByTestId('service-alert')).toHaveText('Melewati target');
		// rounded up: 40 minutes and a few seconds reads "41 mnt"
		await expect(row).toContainText(/4[01] mnt/);
		await expect(page.getByTestId('alerts')).toContainText(/PBB dan BPHTB: terlama 4[01] mnt, target 15 mnt/);

		// calling the citizen clears the alert, live
		await api.callNext(counter);
		await expect(row.getByTestId('service-alert')).toHaveCount(0);
		await expect(page.getByTestId('alerts')).toHaveCount(0);

		const axe = await new AxeBuilder({ page }).analyze();
		const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('a supervisor of another MPP and an operator are refused with a 403 page', async ({ page }) => {
		await signIn(page, 'supervisor.bandung@antrean.test', '/manage/denpasar');
		await expect(page.getByRole('heading', { name: 'Dasbor tidak dapat dibuka' })).toBeVisible();
		await expect(page.getByTestId('error-message')).toContainText('hanya untuk pengelola dan supervisor');
		await expect(page.getByText('403')).toBeVisible();
		const own = await page.request.get('/manage/bandung');
		expect(own.status()).toBe(200);
		const other = await page.request.get('/manage/denpasar');
		expect(other.status()).toBe(403);
		await page.screenshot({ path: shot('manage-403-1366') });

		await page.context().clearCookies();
		await signIn(page, 'operator.denpasar.1@antrean.test', '/manage/denpasar');
		await expect(page.getByRole('heading', { name: 'Dasbor tidak dapat dibuka' })).toBeVisible();
		expect((await page.request.get('/manage/denpasar')).status()).toBe(403);
	});
});

test('screenshots of a busy floor at 1366×768 and 1920×1080', async ({ page, request }) => {
	test.setTimeout(120_000);
	const api = await demoApi(request, 'bandung');
	const issued: { id: string; number: string; trackCode: string; serviceId: string }[] = [];
	const mix = [
		'KTP_EL',
		'KTP_EL',
		'KTP_EL',
		'KK',
		'AKTA',
		'KIA',
		'OSS',
		'PBG',
		'PKB',
		'PKB',
		'PBB',
		'SIM',
		'SIM',
		'SKCK'
	];
	for (const code of [...mix, ...mix, 'PASPOR', 'BPJS_KES', 'BANK', 'PLN', 'NIKAH', 'PERTANAHAN']) {
		const service = api.service(code);
		issued.push({ ...(await api.issue(service.id)), serviceId: service.id });
	}
	// a morning's work: some served, some being served, one counter on a break and one closed
	const served: string[] = [];
	for (const counter of api.counters.slice(0, 14)) {
		const first = await api.callNext(counter);
		if (!first) continue;
		await api.act(first.id, 'start');
		await api.act(first.id, 'finish');
		served.push(first.id);
		const next = await api.callNext(counter);
		if (next && served.length % 2 === 0) await api.act(next.id, 'start');
	}
	// and the queue keeps growing meanwhile
	for (const code of ['SIM', 'SIM', 'SIM', 'KTP_EL', 'KTP_EL', 'PKB', 'OSS']) {
		const service = api.service(code);
		issued.push({ ...(await api.issue(service.id)), serviceId: service.id });
	}
	await api.status(api.counters.at(-1)!, 'paused');
	await api.status(api.counters.at(-2)!, 'closed');
	const sql = e2eSql();
	try {
		// waits as a real morning has them: everything issued a while ago, SIM's queue past its 45 minutes
		await sql`UPDATE tickets SET issued_at = issued_at - (8 + (abs(hashtext(id::text)) % 20)) * interval '1 minute'
			WHERE id = ANY(${issued.map((t) => t.id)}::uuid[])`;
		const sim = api.service('SIM').id;
		await sql`UPDATE tickets SET issued_at = now() - interval '52 minutes'
			WHERE id = (SELECT id FROM tickets WHERE service_id = ${sim} AND status = 'waiting' ORDER BY issued_at LIMIT 1)`;
		await sql`UPDATE tickets SET first_called_at = issued_at + interval '14 minutes', called_at = issued_at + interval '14 minutes'
			WHERE id = ANY(${served}::uuid[])`;
	} finally {
		await sql.end();
	}
	const finished = issued.filter((t) => served.includes(t.id));
	for (const [i, t] of finished.slice(0, 5).entries()) await api.survey(t.trackCode, i % 2 ? 3 : 4);

	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, 'manager.bandung@antrean.test', '/manage/bandung');
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	await expect(page.getByTestId('alerts')).toContainText('Perpanjangan SIM');
	await expect(page.getByTestId('kpi-ikm')).toContainText('responden');
	await page.screenshot({ path: shot('manage-live-1366') });
	await page.screenshot({ path: shot('manage-live-1366-full'), fullPage: true });
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: shot('manage-live-1920') });

	await page.getByRole('button', { name: /^EN/ }).click();
	await expect(page.getByRole('heading', { name: 'Live overview', level: 1 })).toBeVisible();
	await expect(page.getByTestId('alerts')).toContainText('over their target wait');
	await page.screenshot({ path: shot('manage-live-1920-en') });
	await page.getByRole('button', { name: /^ID/ }).click();
});
