// The ministry's API and page over real HTTP (production build): who may read national statistics,
// bad query strings answered 400, JSON and CSV, and that the answers hold aggregates only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../src/lib/server/history/generate';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
const tokens: Record<string, string> = {};
const range = 'from=2026-10-05&to=2026-10-10';

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	for (const [i, mpp] of world.mpps.entries()) {
		await generateHistory(db.sql, {
			mppId: mpp.id,
			from: '2026-10-05',
			to: '2026-10-10',
			ticketsPerWeekday: 50,
			seed: i + 1
		});
		await generateHistorySurveys(db.sql, {
			mppId: mpp.id,
			from: '2026-10-05',
			to: '2026-10-10',
			seed: i + 1
		});
	}
	app = await startAppServer(db.url);
	const [a] = world.mpps;
	tokens.superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
	tokens.ministry = await signIn(app.url, world.ministry.email, PASSWORD);
	tokens.adminA = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
	tokens.supervisorA = await signIn(app.url, a.users.supervisor.email, PASSWORD);
	tokens.operatorA = await signIn(app.url, a.users.operator.email, PASSWORD);
	tokens.displayA = a.devices.display.token;
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function get(who: string | null, path: string, headers: Record<string, string> = {}) {
	if (who) headers.authorization = `Bearer ${tokens[who]}`;
	const response = await fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
	return {
		status: response.status,
		type: response.headers.get('content-type') ?? '',
		location: response.headers.get('location'),
		text: await response.text()
	};
}

const paths = [`/api/v1/stats/mpps?${range}`, `/api/v1/stats/national?${range}&groupBy=province`];

describe('who may read national statistics', () => {
	it('the ministry and the superadmin', async () => {
		for (const who of ['ministry', 'superadmin']) {
			const mpps = await get(who, paths[0]);
			expect(mpps.status, who).toBe(200);
			expect(
				JSON.parse(mpps.text)
					.rows.map((r: { slug: string }) => r.slug)
					.sort()
			).toEqual(['jakarta-uji', 'makassar-uji']);
			const national = await get(who, paths[1]);
			expect(national.status, who).toBe(200);
			expect(JSON.parse(national.text).rows).toMatchObject([{ province: 'Uji', mpps: 2 }]);
		}
	});

	it("not an MPP's admin, supervisor or operator, nor a device (403), nor nobody (401)", async () => {
		for (const path of paths) {
			for (const who of ['adminA', 'supervisorA', 'operatorA', 'displayA']) {
				const { status, text } = await get(who, path);
				expect(status, `${who} ${path}`).toBe(403);
				expect(JSON.parse(text).error.code).toBe('forbidden');
			}
			expect((await get(null, path)).status).toBe(401);
		}
	});
});

describe('bad query strings', () => {
	it.each([
		['from=2026-13-01&to=2026-10-10', 'not a date'],
		['from=2026-10-10&to=2026-10-05', 'from after to'],
		['from=2025-01-01&to=2026-10-10', 'more than 366 days'],
		[`${range}&groupBy=counter`, 'an unknown grouping']
	])('%s (%s) is a 400 with the error body', async (query) => {
		for (const base of ['/api/v1/stats/mpps', '/api/v1/stats/national']) {
			if (base.endsWith('mpps') && query.includes('groupBy')) continue;
			const { status, text } = await get('ministry', `${base}?${query}`);
			expect(status, `${base}?${query}`).toBe(400);
			expect(JSON.parse(text).error.code).toBeTruthy();
		}
	});
});

describe('what the answers hold', () => {
	it('CSV for Accept: text/csv, with the same numbers as the JSON', async () => {
		const json = JSON.parse((await get('ministry', paths[0])).text);
		const csv = await get('ministry', paths[0], { accept: 'text/csv' });
		expect(csv.type).toContain('text/csv');
		const [header, ...lines] = csv.text.trim().split('\r\n');
		expect(header.startsWith('mpp_id,slug,name,province,city,timezone,zone,size,open_days,issued,')).toBe(
			true
		);
		const jakarta = json.rows.find((r: { slug: string }) => r.slug === 'jakarta-uji');
		const line = lines.find((l) => l.includes(',jakarta-uji,'))!.split(',');
		expect(line[6]).toBe('WIB');
		expect(line[7]).toBe(jakarta.size);
		expect(Number(line[8])).toBe(jakarta.openDays);
		expect(Number(line[9])).toBe(jakarta.issued);

		const national = await get('ministry', `/api/v1/stats/national?${range}&groupBy=day`, {
			accept: 'text/csv'
		});
		const rows = national.text.trim().split('\r\n');
		expect(rows[0].startsWith('date,issued,')).toBe(true);
		expect(rows.at(-1)!.startsWith('total,')).toBe(true);
	});

	it('no ticket numbers, track codes, names of people or survey comments', async () => {
		const tickets = await db.sql<{ number: string; trackCode: string }[]>`
			SELECT number, track_code AS "trackCode" FROM tickets`;
		const people = await db.sql<{ name: string; email: string }[]>`SELECT name, email FROM users`;
		expect(tickets.length).toBeGreaterThan(100);
		for (const path of [...paths, `/api/v1/stats/national?${range}&groupBy=day`]) {
			for (const accept of ['application/json', 'text/csv']) {
				const { text } = await get('ministry', path, { accept });
				for (const t of tickets) {
					expect(text).not.toContain(`"${t.number}"`);
					expect(text).not.toContain(t.trackCode);
				}
				for (const p of people) {
					expect(text).not.toContain(p.name);
					expect(text).not.toContain(p.email);
				}
				expect(text).not.toMatch(/comment/i);
			}
		}
	});
});

describe('/ministry', () => {
	it('sends someone not signed in to the login page, and back here afterwards', async () => {
		const response = await get(null, '/ministry');
		expect(response.status).toBe(303);
		expect(response.location).toBe('/login?redirectTo=%2Fministry');
	});

	it('opens for the ministry and the superadmin, and refuses an MPP manager', async () => {
		for (const who of ['ministry', 'superadmin']) {
			const page = await get(who, `/ministry?${range}`);
			expect(page.status, who).toBe(200);
			expect(page.text).toContain('MPP makassar-uji');
		}
		for (const who of ['adminA', 'supervisorA']) {
			const page = await get(who, '/ministry');
			expect(page.status, who).toBe(403);
			expect(page.text).not.toContain('MPP makassar-uji');
		}
	});

	it('links an MPP to its dashboard, which opens read-only for the ministry', async () => {
		const forSuperadmin = await get('superadmin', `/ministry?${range}`);
		expect(forSuperadmin.text).toContain('manage/jakarta-uji"');
		const forMinistry = await get('ministry', `/ministry?${range}`);
		expect(forMinistry.text).toContain('manage/jakarta-uji"');
		const dashboard = await get('ministry', '/manage/jakarta-uji');
		expect(dashboard.status).toBe(200);
		expect(dashboard.text).toContain('read-only-notice');
	});

	it('filters by time zone and answers a bad period with 400', async () => {
		const wita = await get('ministry', `/ministry?${range}&zone=WITA`);
		expect(wita.text).toContain('MPP makassar-uji');
		expect(wita.text).not.toContain('MPP jakarta-uji');
		expect((await get('ministry', '/ministry?from=2026-10-10&to=2026-10-01')).status).toBe(400);
		expect((await get('ministry', '/ministry?zone=UTC')).status).toBe(400);
	});
});
