// The stats API over real HTTP (production build): who may read an MPP's statistics, bad query
// strings answered 400 with the error body, JSON and CSV of the same numbers, and the live view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../src/lib/server/history/generate';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
const tokens: Record<string, string> = {};
const range = 'from=2026-10-05&to=2026-10-11';

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	await generateHistory(db.sql, {
		mppId: world.mpps[0].id,
		from: '2026-10-05',
		to: '2026-10-11',
		ticketsPerWeekday: 80,
		seed: 3
	});
	app = await startAppServer(db.url);
	const [a, b] = world.mpps;
	tokens.superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
	tokens.ministry = await signIn(app.url, world.ministry.email, PASSWORD);
	tokens.adminA = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
	tokens.supervisorA = await signIn(app.url, a.users.supervisor.email, PASSWORD);
	tokens.operatorA = await signIn(app.url, a.users.operator.email, PASSWORD);
	tokens.supervisorB = await signIn(app.url, b.users.supervisor.email, PASSWORD);
	tokens.displayA = a.devices.display.token;
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function get(who: string | null, path: string, headers: Record<string, string> = {}) {
	if (who) headers.authorization = `Bearer ${tokens[who]}`;
	const response = await fetch(`${app.url}${path}`, { headers });
	return {
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		text: await response.text()
	};
}

describe('who may read stats', () => {
	const path = () => `/api/v1/mpps/${world.mpps[0].slug}/stats?${range}&groupBy=service`;

	it("the MPP's admin and supervisor, the superadmin and the ministry read them", async () => {
		for (const who of ['adminA', 'supervisorA', 'superadmin', 'ministry']) {
			const { status, text } = await get(who, path());
			expect(status, who).toBe(200);
			expect(JSON.parse(text).total.issued, who).toBeGreaterThan(100);
		}
	});

	it("a supervisor of another MPP, the MPP's own operator and a display device may not", async () => {
		for (const who of ['supervisorB', 'operatorA', 'displayA']) {
			const { status, text } = await get(who, path());
			expect(status, who).toBe(403);
			expect(JSON.parse(text).error.code).toBe('forbidden');
		}
		const live = await get('supervisorB', `/api/v1/mpps/${world.mpps[0].slug}/stats/live`);
		expect(live.status).toBe(403);
		const csv = await get('supervisorB', `/api/v1/mpps/${world.mpps[0].slug}/stats.csv?${range}`);
		expect(csv.status).toBe(403);
	});

	it('nobody signed in gets 401, and an unknown MPP 404', async () => {
		expect((await get(null, path())).status).toBe(401);
		expect((await get('superadmin', '/api/v1/mpps/tidak-ada/stats')).status).toBe(404);
	});
});

describe('bad query strings', () => {
	const cases = {
		'a date that is not a date': 'from=2026-02-30&to=2026-03-01',
		'a date in another format': 'from=05/10/2026',
		'from after to': 'from=2026-10-11&to=2026-10-05',
		'a range over a year': 'from=2025-01-01&to=2026-10-05',
		'an unknown grouping': `${range}&groupBy=province`
	};
	for (const [name, query] of Object.entries(cases)) {
		it(`answer 400 for ${name}`, async () => {
			const { status, text } = await get('adminA', `/api/v1/mpps/${world.mpps[0].slug}/stats?${query}`);
			expect(status).toBe(400);
			const body = JSON.parse(text);
			expect(body.error.code).toBe('validation_failed');
			expect(body.error.message.length).toBeGreaterThan(5);
		});
	}
});

describe('answers', () => {
	it('default to today, grouped by service', async () => {
		const { status, text } = await get('adminA', `/api/v1/mpps/${world.mpps[0].slug}/stats`);
		expect(status).toBe(200);
		const body = JSON.parse(text);
		expect(body.groupBy).toBe('service');
		expect(body.from).toBe(body.to);
		expect(body.total.issued).toBe(0);
	});

	it('say they are live without a replica: dataAsOf is the time of the answer, and the history page says "live"', async () => {
		const slug = world.mpps[0].slug;
		const asked = Date.now();
		const body = JSON.parse((await get('adminA', `/api/v1/mpps/${slug}/stats?${range}`)).text);
		const answered = Date.now();
		// ordering only (one host, one clock): the answer's time lies between the question and the answer
		expect(Date.parse(body.dataAsOf)).toBeGreaterThanOrEqual(asked);
		expect(Date.parse(body.dataAsOf)).toBeLessThanOrEqual(answered);
		const page = await get('adminA', `/manage/${slug}/history?${range}`);
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/data-testid="data-freshness"[^>]*>\s*Data langsung \(live\)\s*</);
	});

	it('give the same numbers as CSV, by .csv and by Accept: text/csv', async () => {
		const slug = world.mpps[0].slug;
		const json = JSON.parse((await get('adminA', `/api/v1/mpps/${slug}/stats?${range}&groupBy=day`)).text);
		const byPath = await get('adminA', `/api/v1/mpps/${slug}/stats.csv?${range}&groupBy=day`);
		const byAccept = await get('adminA', `/api/v1/mpps/${slug}/stats?${range}&groupBy=day`, {
			accept: 'text/csv'
		});
		expect(byPath.type).toMatch(/^text\/csv/);
		expect(byAccept.text).toBe(byPath.text);
		const lines = byPath.text.trimEnd().split('\r\n');
		expect(lines[0].startsWith('date,issued,called,served,no_show,no_show_pct,wait_avg_s')).toBe(true);
		// Monday–Saturday have tickets (no Sunday visitors), then the total line
		expect(lines).toHaveLength(1 + json.rows.length + 1);
		const first = lines[1].split(',');
		expect(first[0]).toBe(json.rows[0].date);
		expect(Number(first[1])).toBe(json.rows[0].issued);
		const total = lines[lines.length - 1].split(',');
		expect(total[0]).toBe('total');
		expect(Number(total[1])).toBe(json.total.issued);
		expect(Number(total[6])).toBe(json.total.wait.avg);
	});

	it('live: per service waiting and longest wait, each counter, today', async () => {
		const slug = world.mpps[0].slug;
		const issued = await fetch(`${app.url}/api/v1/mpps/${slug}/tickets`, {
			method: 'POST',
			headers: { authorization: `Bearer ${tokens.superadmin}`, 'content-type': 'application/json' },
			body: JSON.stringify({ serviceId: world.mpps[0].services.c })
		});
		expect(issued.status).toBe(201);
		const { status, text } = await get('supervisorA', `/api/v1/mpps/${slug}/stats/live`);
		expect(status).toBe(200);
		const live = JSON.parse(text);
		const skck = live.services.find((s: { serviceId: string }) => s.serviceId === world.mpps[0].services.c);
		expect(skck.waiting).toBe(1);
		expect(skck.longestWaitSeconds).toBeGreaterThanOrEqual(0);
		expect(live.today.issued).toBe(1);
		expect(live.counters.map((c: { counterName: string }) => c.counterName)).toEqual([
			'Loket 1',
			'Loket 2',
			'Loket 3'
		]);
		expect(live.counters[0].status).toBe('open');
	});
});
