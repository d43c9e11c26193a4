// The ministry reads statistics of every MPP and nothing personal (DESIGN "Roles", issue 5): over HTTP
// against the production build, every ticket-level door refuses it (API, pages, socket rooms), while
// its read-only drill-down into an MPP's dashboard and the stats API show aggregates with no ticket
// number, no staff name and no survey comment. And MPP managers do not reach the ministry's pages.
//
// Public by design, for anyone holding a ticket's code (not a ministry privilege): the tracking page
// /t/{code}, GET /api/v1/tickets/{trackCode}, its survey status, and the ticket's own socket room.
import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/domain/local-day';
import type { Ack } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { callNext, finish, issueTicket } from '../../src/lib/server/queue';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { withinOneLocalDay } from '../helpers/local-day';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, connected } from './realtime-harness';

let db: TestDatabase;
let app: AppServer;
let world: World;
let ministry: string;
/** a ticket served and rated with a comment, and one being called at counter one now */
let rated: { id: string; number: string; trackCode: string };
let calling: { id: string; number: string; trackCode: string };

const COMMENT = 'Komentar rahasia warga: petugas Budi lambat sekali.';

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const [a] = world.mpps;
	const actor = { userId: a.users.operator.id };
	// half an hour of one local day, ending now (or just after midnight, in the half hour after it)
	const end = withinOneLocalDay(new Date(), a.timezone, 30).getTime();
	const minutesAgo = (n: number) => new Date(end - n * 60_000);
	const first = await issueTicket(db.sql, {
		mppId: a.id,
		serviceId: a.services.a,
		actor,
		now: minutesAgo(30)
	});
	const second = await issueTicket(db.sql, {
		mppId: a.id,
		serviceId: a.services.a,
		actor,
		now: minutesAgo(29)
	});
	await issueTicket(db.sql, { mppId: a.id, serviceId: a.services.b, actor, now: minutesAgo(28) });
	await callNext(db.sql, { counterId: a.counters.one, actor, now: minutesAgo(20) });
	await finish(db.sql, { ticketId: first.ticket.id, actor, now: minutesAgo(10) });
	await callNext(db.sql, { counterId: a.counters.one, actor, now: minutesAgo(5) });
	rated = first.ticket;
	calling = second.ticket;
	app = await startAppServer(db.url);
	const answers = Object.fromEntries(
		[
			'persyaratan',
			'prosedur',
			'waktu',
			'biaya',
			'produk',
			'kompetensi',
			'perilaku',
			'pengaduan',
			'sarana'
		].map((code) => [code, 3])
	);
	const survey = await fetch(`${app.url}/api/v1/tickets/${rated.trackCode}/survey`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ answers, comment: COMMENT })
	});
	expect(survey.status).toBe(201);
	ministry = await signIn(app.url, world.ministry.email, PASSWORD);
});

afterAll(async () => {
	closeClients();
	await app?.stop();
	await db?.drop();
});

const request = (method: string, path: string, token?: string, body?: unknown) =>
	fetch(`${app.url}${path}`, {
		method,
		redirect: 'manual',
		headers: {
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});

/** Everything personal or ticket-level the test world holds: none of it may reach the ministry. */
function secrets(): string[] {
	const people = world.mpps.flatMap((m) =>
		(['mpp_admin', 'supervisor', 'operator'] as const).flatMap((role) => [
			`${role} ${m.slug}`,
			m.users[role].email
		])
	);
	return [COMMENT, 'Budi', calling.trackCode, rated.trackCode, calling.id, rated.id, ...people];
}

function expectNothingPersonal(text: string, where: string) {
	for (const secret of secrets()) expect(text, `${where} shows "${secret}"`).not.toContain(secret);
}

describe('the ministry and ticket-level doors', () => {
	it('is refused every ticket-level API: services, counters, issuing, calling, ticket actions, display', async () => {
		const [a, b] = world.mpps;
		const refusals: [string, string, unknown?][] = [];
		for (const mpp of [a, b]) {
			refusals.push(
				['GET', `/api/v1/mpps/${mpp.slug}/services`],
				['GET', `/api/v1/mpps/${mpp.slug}/counters`],
				['GET', `/api/v1/mpps/${mpp.slug}/display`],
				['POST', `/api/v1/mpps/${mpp.slug}/tickets`, { serviceId: mpp.services.a }],
				['POST', `/api/v1/counters/${mpp.counters.one}/call-next`, {}],
				['POST', `/api/v1/counters/${mpp.counters.two}/status`, { status: 'paused' }]
			);
		}
		for (const action of ['recall', 'start', 'finish', 'no-show'])
			refusals.push(['POST', `/api/v1/tickets/${calling.id}/${action}`, {}]);
		refusals.push(['POST', `/api/v1/tickets/${calling.id}/transfer`, { serviceId: a.services.c }]);
		for (const [method, path, body] of refusals) {
			const response = await request(method, path, ministry, body);
			expect([403, 404], `${method} ${path} → ${response.status}`).toContain(response.status);
			expectNothingPersonal(await response.text(), `${method} ${path}`);
		}
		// and nothing changed: the ticket is still being called at counter one
		const [row] = await db.sql`SELECT status FROM tickets WHERE id = ${calling.id}`;
		expect(row.status).toBe('called');
	});

	it('is refused the counter console, the kiosk, the TV display and the feedback tablet pages', async () => {
		const [a] = world.mpps;
		for (const path of [
			'/counter',
			`/counter?c=${a.counters.one}`,
			`/kiosk/${a.slug}`,
			`/display/${a.slug}`,
			`/feedback/${a.slug}`
		]) {
			const response = await request('GET', path, ministry);
			expect([403, 404], `${path} → ${response.status}`).toContain(response.status);
			const html = await response.text();
			expect(html, path).not.toContain(calling.number);
			expectNothingPersonal(html, path);
		}
	});

	it('finds no ticket without its code: the tracking doors are the code holder’s, not a role’s', async () => {
		// public by design for whoever holds the code printed on the slip; the ministry has no list of codes
		expect((await request('GET', `/api/v1/tickets/${calling.trackCode}`)).status).toBe(200);
		for (const path of ['/api/v1/tickets/abcdefghijkl', `/api/v1/tickets/${calling.id}`]) {
			const response = await request('GET', path, ministry);
			expect(response.status, path).toBe(404);
		}
	});

	it('may not join the staff, counter or display rooms, nor read their snapshots, over socket.io', async () => {
		const socket: ClientSocket = client(app.url, { token: ministry });
		await connected(socket);
		const code = (answer: Ack<unknown>) => ('error' in answer ? answer.error.code : 'ok');
		const join = (room: unknown) => socket.timeout(10_000).emitWithAck('room:join', room as never);
		const snapshot = (room: unknown) => socket.timeout(10_000).emitWithAck('snapshot:get', room as never);
		for (const mpp of world.mpps) {
			expect(code(await join({ room: 'staff', mppId: mpp.id }))).toBe('forbidden');
			expect(code(await join({ room: 'display', mppId: mpp.id }))).toBe('forbidden');
			expect(code(await join({ room: 'counter', counterId: mpp.counters.one }))).toBe('forbidden');
			expect(code(await snapshot({ room: 'staff', mppId: mpp.id }))).toBe('forbidden');
			expect(code(await snapshot({ room: 'display', mppId: mpp.id }))).toBe('forbidden');
		}
		// its own national room is open to it
		expect(code(await join({ room: 'ministry' }))).toBe('ok');
	});
});

describe("the ministry's read-only view of an MPP", () => {
	it('opens the Live and History tabs and the monthly report of any MPP, with the notice and no action', async () => {
		for (const mpp of world.mpps) {
			for (const tab of ['', '/history', '/report']) {
				const path = `/manage/${mpp.slug}${tab}`;
				const response = await request('GET', path, ministry);
				expect(response.status, path).toBe(200);
				const html = await response.text();
				expect(html, path).toContain('data-testid="read-only-notice"');
				expect(html, path).toContain('Tampilan hanya-baca Kementerian PANRB');
				// SvelteKit renders its links relative to the page: '../ministry', '../../ministry'
				expect(html, path).toMatch(/href="(\.\.\/)+ministry"/);
				// nothing to act on: the only forms that post are the shell's language switch and sign-out
				const posting = [...html.matchAll(/<form[^>]*>/gi)]
					.map(([tag]) => tag)
					.filter((tag) => /method="post"/i.test(tag) && !/action="\/(lang|logout)"/.test(tag));
				expect(posting, path).toEqual([]);
				expectNothingPersonal(html, path);
			}
		}
	});

	it('shows the counter at work without the number it calls, and no recent calls', async () => {
		const [a] = world.mpps;
		const html = await (await request('GET', `/manage/${a.slug}`, ministry)).text();
		expect(html).toContain('Loket 1');
		expect(html).toContain('Memanggil tiket');
		expect(html).not.toContain(calling.number);
		expect(html).not.toContain(rated.number);
		// its own staff see the number, as before
		const supervisor = await signIn(app.url, a.users.supervisor.email, PASSWORD);
		const staffHtml = await (await request('GET', `/manage/${a.slug}`, supervisor)).text();
		expect(staffHtml).toContain(calling.number);
		expect(staffHtml).not.toContain('read-only-notice');
	});

	it('reads the stats API of any MPP as aggregates: no ticket number, name or comment', async () => {
		const [a] = world.mpps;
		const live = await request('GET', `/api/v1/mpps/${a.slug}/stats/live`, ministry);
		expect(live.status).toBe(200);
		const liveBody = (await live.json()) as {
			counters: { counterName: string; serving: { ticketNumber: string | null } | null }[];
		};
		const one = liveBody.counters.find((c) => c.counterName === 'Loket 1')!;
		expect(one.serving).toMatchObject({ ticketNumber: null });
		expectNothingPersonal(JSON.stringify(liveBody), 'stats/live');
		expect(JSON.stringify(liveBody)).not.toContain(calling.number);

		for (const groupBy of ['counter', 'service', 'tenant', 'day', 'hour', 'weekday']) {
			for (const path of [
				`/api/v1/mpps/${a.slug}/stats?groupBy=${groupBy}`,
				`/api/v1/mpps/${a.slug}/stats.csv?groupBy=${groupBy}`
			]) {
				const response = await request('GET', path, ministry);
				expect(response.status, path).toBe(200);
				const text = await response.text();
				expectNothingPersonal(text, path);
				expect(text, path).not.toContain(calling.number);
			}
		}
		// the figures are there: one served, one rated (from the local day it was issued, half an hour ago:
		// just after local midnight that is yesterday)
		const from = localDate(new Date(Date.now() - 60 * 60_000), a.timezone);
		const to = localDate(new Date(), a.timezone);
		const stats = (await (
			await request('GET', `/api/v1/mpps/${a.slug}/stats?groupBy=tenant&from=${from}&to=${to}`, ministry)
		).json()) as {
			total: { served: number; ikm: { respondents: number } };
		};
		expect(stats.total.served).toBe(1);
		expect(stats.total.ikm.respondents).toBe(1);
	});

	it('reads the national API and pages without anything personal', async () => {
		for (const path of [
			'/api/v1/stats/mpps',
			'/api/v1/stats/national?groupBy=timezone',
			'/api/v1/stats/weekly-visits',
			'/ministry',
			'/ministry/report'
		]) {
			const response = await request('GET', path, ministry);
			expect(response.status, path).toBe(200);
			expectNothingPersonal(await response.text(), path);
		}
	});
});

describe('the rules around it stay as they were', () => {
	it("still refuses operators and other MPPs' managers the dashboard and its stats", async () => {
		const [a, b] = world.mpps;
		const tokens = [
			await signIn(app.url, a.users.operator.email, PASSWORD),
			await signIn(app.url, b.users.supervisor.email, PASSWORD),
			await signIn(app.url, b.users.mpp_admin.email, PASSWORD)
		];
		for (const token of tokens) {
			for (const path of [
				`/manage/${a.slug}`,
				`/manage/${a.slug}/history`,
				`/manage/${a.slug}/report`,
				`/api/v1/mpps/${a.slug}/stats`,
				`/api/v1/mpps/${a.slug}/stats.csv`,
				`/api/v1/mpps/${a.slug}/stats/live`
			]) {
				expect((await request('GET', path, token)).status, path).toBe(403);
			}
		}
	});

	it('keeps MPP managers and supervisors out of every ministry page and /api/v1/stats/* door', async () => {
		const [a] = world.mpps;
		const routes = fileURLToPath(new URL('../../src/routes/', import.meta.url));
		// every page under /ministry and every door under /api/v1/stats, found on disk so new ones count too
		const children = (dir: string) =>
			readdirSync(`${routes}${dir}`, { withFileTypes: true })
				.filter((d) => d.isDirectory() && !d.name.includes('['))
				.map((d) => d.name);
		const ministryPages = ['/ministry', ...children('ministry').map((name) => `/ministry/${name}`)];
		const statsDoors = children('api/v1/stats')
			.filter((name) => existsSync(`${routes}api/v1/stats/${name}/+server.ts`))
			.map((name) => `/api/v1/stats/${name}`);
		expect(ministryPages).toContain('/ministry/report');
		expect(ministryPages).toContain('/ministry/report.csv');
		expect(statsDoors).toEqual(expect.arrayContaining(['/api/v1/stats/mpps', '/api/v1/stats/national']));
		for (const email of [a.users.mpp_admin.email, a.users.supervisor.email]) {
			const token = await signIn(app.url, email, PASSWORD);
			for (const path of [...ministryPages, ...statsDoors]) {
				const response = await request('GET', path, token);
				expect(response.status, `${email} ${path}`).toBe(403);
			}
		}
	});
});
