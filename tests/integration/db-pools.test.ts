// Database guard rails (issue 10 item 8): statistics run on their own pool with its own statement
// timeout, so ministry queries that cannot finish take only that pool's connections: the kiosk and
// call-next still answer, and the stuck statistics requests end in a clean 503, not a hang or a crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/domain/local-day';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;

const STATS_POOL = 2;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url, {
		DATABASE_POOL_SIZE: '2',
		STATS_POOL_SIZE: String(STATS_POOL),
		STATS_TIMEOUT_MS: '3000'
	});
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const post = (token: string, path: string, body?: unknown) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});

/** Statements of this database waiting for a lock, i.e. stuck behind the test's LOCK TABLE. */
async function waitingOnLock(): Promise<number> {
	const [row] = await db.sql<{ n: number }[]>`
		SELECT count(*) AS n FROM pg_stat_activity
		WHERE datname = current_database() AND wait_event_type = 'Lock'`;
	return row.n;
}

describe('the statistics pool', () => {
	it('saturated by stuck ministry queries, leaves the kiosk and call-next answering; the stuck ones end in 503', async () => {
		const mpp = world.mpps[0];
		const ministry = await signIn(app.url, world.ministry.email, PASSWORD);
		const operator = await signIn(app.url, mpp.users.operator.email, PASSWORD);
		const today = localDate(new Date(), 'Asia/Jakarta');
		const from = new Date(Date.parse(today) - 20 * 86_400_000).toISOString().slice(0, 10);
		const to = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
		const ranking = () =>
			fetch(`${app.url}/api/v1/stats/mpps?from=${from}&to=${to}`, {
				headers: { authorization: `Bearer ${ministry}` }
			});

		let release!: () => void;
		let locked!: () => void;
		const isLocked = new Promise<void>((resolve) => (locked = resolve));
		const held = db.sql.begin(async (tx) => {
			await tx`LOCK TABLE stats_mpp_days IN ACCESS EXCLUSIVE MODE`;
			locked();
			await new Promise<void>((resolve) => (release = resolve));
		});
		await isLocked;
		try {
			const stuck = Array.from({ length: STATS_POOL * 2 }, () => ranking());
			while ((await waitingOnLock()) < STATS_POOL) await new Promise((r) => setTimeout(r, 50));

			const issued = await post(mpp.devices.kiosk.token, `/api/v1/mpps/${mpp.slug}/tickets`, {
				serviceId: mpp.services.c
			});
			expect(issued.status).toBe(201);
			const called = await post(operator, `/api/v1/counters/${mpp.counters.three}/call-next`);
			expect(called.status).toBe(200);
			expect((await called.json()).ticket.id).toBe((await issued.json()).id);

			for (const response of await Promise.all(stuck)) {
				expect(response.status).toBe(503);
				expect(await response.json()).toMatchObject({ error: { code: 'database_timeout' } });
			}
		} finally {
			release();
			await held;
		}
		// the pool recovers: the same question answers once nothing blocks it
		expect((await ranking()).status).toBe(200);
		const ready = (await (await fetch(`${app.url}/readyz`)).json()) as { reasons?: string[] };
		expect(ready.reasons ?? []).not.toContain('database_unavailable');
	});
});
