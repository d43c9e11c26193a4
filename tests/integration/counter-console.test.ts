// The counter console's doors and services against a real PostgreSQL: who may open which counter,
// which counters a person may choose, the remembered counter, and today's counts beside the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, SessionUser } from '../../src/lib/server/auth/actor';
import { consoleStats, listCounterChoices, openConsole } from '../../src/lib/server/console';
import { findCounter } from '../../src/lib/server/db/counters';
import { findMppById } from '../../src/lib/server/db/mpps';
import { findUserByEmail } from '../../src/lib/server/db/users';
import { callNext, finish, issueTicket, noShow, recall } from '../../src/lib/server/queue';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function userActor(email: string): Promise<{ user: SessionUser; actor: Actor }> {
	const row = await findUserByEmail(db.sql, email);
	const user: SessionUser = { id: row!.id, email, name: row!.name, role: row!.role, mppId: row!.mppId };
	return { user, actor: { kind: 'user', user, sessionId: 'test' } };
}

describe('counters a person may choose', () => {
	it('an operator sees only the counters assigned to them, in counter order', async () => {
		const [a] = world.mpps;
		const { user } = await userActor(a.users.operator.email);
		const groups = await listCounterChoices(db.sql, user);
		expect(groups).toHaveLength(1);
		expect(groups[0].mpp.slug).toBe(a.slug);
		expect(groups[0].counters.map((c) => c.name)).toEqual(['Loket 1', 'Loket 3']);
		expect(groups[0].counters[0].services.map((s) => s.prefix).sort()).toEqual(['A', 'B']);
	});

	it('an MPP admin may stand in at every counter of their MPP, a superadmin at every MPP', async () => {
		const [a] = world.mpps;
		const admin = await userActor(a.users.mpp_admin.email);
		const own = await listCounterChoices(db.sql, admin.user);
		expect(own.map((g) => g.mpp.slug)).toEqual([a.slug]);
		expect(own[0].counters.map((c) => c.name)).toEqual(['Loket 1', 'Loket 2', 'Loket 3']);
		const superadmin = await userActor(world.superadmin.email);
		const all = await listCounterChoices(db.sql, superadmin.user);
		expect(all.flatMap((g) => g.counters)).toHaveLength(6);
	});

	it('a supervisor may not open the console at all', async () => {
		const { actor } = await userActor(world.mpps[0].users.supervisor.email);
		await expect(openConsole(db.sql, actor, world.mpps[0].counters.one)).rejects.toMatchObject({
			status: 403,
			code: 'read_only'
		});
	});
});

describe("today's work at a counter", () => {
	it('counts tickets served and absent at this counter, and how long the first in line has waited', async () => {
		const [, b] = world.mpps;
		const actor = { userId: null };
		const counter = (await findCounter(db.sql, b.counters.one))!;
		const mpp = (await findMppById(db.sql, b.id))!;
		const before = await consoleStats(db.sql, counter, mpp);
		expect(before).toEqual({ servedToday: 0, noShowToday: 0, oldestWaiting: {} });

		const first = await issueTicket(db.sql, { mppId: b.id, serviceId: b.services.a, actor });
		await issueTicket(db.sql, { mppId: b.id, serviceId: b.services.a, actor });
		await issueTicket(db.sql, { mppId: b.id, serviceId: b.services.b, actor });
		const called = await callNext(db.sql, { counterId: counter.id, actor });
		expect(called.ticket?.id).toBe(first.ticket.id);
		await finish(db.sql, { ticketId: first.ticket.id, actor });
		const absent = (await callNext(db.sql, { counterId: counter.id, actor })).ticket!;
		await recall(db.sql, { ticketId: absent.id, actor });
		await recall(db.sql, { ticketId: absent.id, actor });
		await noShow(db.sql, { ticketId: absent.id, actor });

		const after = await consoleStats(db.sql, counter, mpp);
		expect(after.servedToday).toBe(1);
		expect(after.noShowToday).toBe(1);
		// service A is empty now; one ticket of service B still waits
		expect(Object.keys(after.oldestWaiting)).toEqual([b.services.b]);
		expect(Date.parse(after.oldestWaiting[b.services.b])).toBeLessThanOrEqual(Date.now());
	});
});

describe('the /counter page over HTTP', () => {
	const get = (path: string, token?: string, cookie?: string) =>
		fetch(`${app.url}${path}`, {
			redirect: 'manual',
			headers: {
				...(token ? { authorization: `Bearer ${token}` } : {}),
				...(cookie ? { cookie } : {})
			}
		});

	it('sends someone not signed in to the login page, and back here afterwards', async () => {
		const response = await get('/counter');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fcounter');
	});

	it('tells a supervisor the console is read-only for their role', async () => {
		const token = await signIn(app.url, world.mpps[0].users.supervisor.email, PASSWORD);
		const response = await get('/counter', token);
		expect(response.status).toBe(403);
		const html = await response.text();
		expect(html).toContain('Peran hanya-baca');
		expect(html).toContain('supervisor');
	});

	it('refuses a counter not assigned to the operator, or of another MPP, and an unknown one', async () => {
		const [a, b] = world.mpps;
		const token = await signIn(app.url, a.users.operator.email, PASSWORD);
		expect((await get(`/counter?c=${a.counters.two}`, token)).status).toBe(403);
		expect((await get(`/counter?c=${b.counters.one}`, token)).status).toBe(403);
		expect((await get('/counter?c=not-a-counter', token)).status).toBe(404);
		expect((await get(`/counter?c=${crypto.randomUUID()}`, token)).status).toBe(404);
	});

	it('lets the operator choose, opens the chosen counter and remembers it', async () => {
		const [a] = world.mpps;
		const token = await signIn(app.url, a.users.operator.email, PASSWORD);
		const picker = await get('/counter', token);
		expect(picker.status).toBe(200);
		const html = await picker.text();
		expect(html).toContain('Pilih loket');
		expect(html).toContain(`?c=${a.counters.one}`);
		expect(html).toContain(`?c=${a.counters.three}`);
		expect(html).not.toContain(`?c=${a.counters.two}`);

		const opened = await get(`/counter?c=${a.counters.three}`, token);
		expect(opened.status).toBe(200);
		expect(await opened.text()).toContain('Loket 3');
		const cookie = opened.headers
			.getSetCookie()
			.find((c) => c.startsWith('antrean_counter='))!
			.split(';')[0];
		const again = await get('/counter', token, cookie);
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe(`/counter?c=${a.counters.three}`);
		// "change counter" shows the choice again instead of jumping back
		expect((await get('/counter?pick', token, cookie)).status).toBe(200);
	});

	it('answers the side-panel figures only to those who may work the counter', async () => {
		const [a] = world.mpps;
		const operator = await signIn(app.url, a.users.operator.email, PASSWORD);
		const supervisor = await signIn(app.url, a.users.supervisor.email, PASSWORD);
		const ok = await get(`/counter/stats?c=${a.counters.one}`, operator);
		expect(ok.status).toBe(200);
		expect(await ok.json()).toMatchObject({ servedToday: 0, noShowToday: 0 });
		expect((await get(`/counter/stats?c=${a.counters.one}`, supervisor)).status).toBe(403);
		expect((await get(`/counter/stats?c=${a.counters.two}`, operator)).status).toBe(403);
		const bad = await get('/counter/stats?c=nope', operator);
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.code).toBe('validation_failed');
	});
});
