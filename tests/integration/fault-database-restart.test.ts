// Fault (issue 11): PostgreSQL restarts during a burst of calls and tickets. The test owns that
// PostgreSQL (an embedded instance in a temp directory, on its own port), never the shared server.
// Clients behave as the kiosks and consoles do: every POST carries an Idempotency-Key and is retried
// with the same key after a 503 or a dropped connection.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, migrate, startEmbedded, type Database } from '../../server/database';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { client, closeClients, connected, record } from './realtime-harness';

const dir = mkdtempSync(join(tmpdir(), 'antrean-fault-db-'));
// as root, PostgreSQL runs as the `postgres` user and must reach inside
chmodSync(dir, 0o755);
let port: number;
let pg: Database;
let sql: Sql;
let world: World;
let nodes: AppServer[] = [];

beforeAll(async () => {
	port = await freePort();
	pg = await startEmbedded(join(dir, 'pg'), 'antrean', { port });
	await migrate(pg.url);
	sql = createSql(pg.url, 4);
	world = await createWorld(sql);
	nodes = await Promise.all([startAppServer(pg.url), startAppServer(pg.url)]);
	await waitForListeners(sql, 2);
}, 180_000);

afterAll(async () => {
	closeClients();
	await Promise.all(nodes.map((node) => node.stop()));
	await sql?.end({ timeout: 1 });
	await pg?.stop();
	rmSync(dir, { recursive: true, force: true });
}, 60_000);

interface Attempt {
	status: number;
	code?: string;
	retryAfter?: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One logical request: the same key until it gets a 2xx, as idempotent-post.ts does in a browser. */
async function retried(url: string, init: RequestInit, attempts: Attempt[]): Promise<Response> {
	const key = crypto.randomUUID();
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			const response = await fetch(url, {
				...init,
				headers: { ...init.headers, 'idempotency-key': key, 'content-type': 'application/json' }
			});
			if (response.ok) {
				attempts.push({ status: response.status });
				return response;
			}
			const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
			attempts.push({
				status: response.status,
				code: body.error?.code,
				retryAfter: response.headers.get('retry-after')
			});
			if (response.status !== 503) return response;
		} catch (error) {
			// the connection dropped under the request: not an answer, so retry it
			attempts.push({ status: 0, code: String((error as Error).cause ?? error) });
		}
		if (Date.now() > deadline)
			throw new Error(
				`no answer within 60 s from ${url}; last: ${JSON.stringify(attempts.slice(-4))}\n` +
					nodes.map((node) => `${node.url}:\n${node.output().slice(-4000)}`).join('\n')
			);
		await sleep(250);
	}
}

describe('PostgreSQL restarts in the middle of a burst', () => {
	it('answers 503 with Retry-After meanwhile, recovers by itself, and loses or doubles nothing', async () => {
		const mpp = world.mpps[0];
		const [a, b] = nodes;
		const operator = await signIn(a.url, mpp.users.operator.email, PASSWORD);
		const screen = client(b.url, {
			cookie: `antrean_device=${mpp.devices.display.token}`,
			reconnection: true
		});
		await connected(screen);
		expect(await screen.emitWithAck('room:join', { room: 'display', mppId: mpp.id })).toHaveProperty('data');
		const heard = record(screen);

		const attempts: Attempt[] = [];
		const issued: string[] = [];
		const called: string[] = [];
		let stop = false;
		// a kiosk on node A takes tickets, a console on node B calls them, both without pause
		const kiosk: Promise<void> = (async () => {
			for (let i = 0; !stop; i++) {
				const response = await retried(
					`${a.url}/api/v1/mpps/${mpp.slug}/tickets`,
					{
						method: 'POST',
						headers: { authorization: `Bearer ${mpp.devices.kiosk.token}` },
						body: JSON.stringify({ serviceId: mpp.services.c })
					},
					attempts
				);
				expect(response.status).toBe(201);
				issued.push(((await response.json()) as { id: string }).id);
				await sleep(40);
			}
		})();
		const desk: Promise<void> = (async () => {
			while (!stop) {
				const response = await retried(
					`${b.url}/api/v1/counters/${mpp.counters.three}/call-next`,
					{ method: 'POST', headers: { authorization: `Bearer ${operator}` } },
					attempts
				);
				// 204: nobody waiting at that moment
				expect([200, 204]).toContain(response.status);
				if (response.status === 200)
					called.push(((await response.json()) as { ticket: { id: string } }).ticket.id);
				await sleep(60);
			}
		})();

		await sleep(1500);
		const beforeOutage = attempts.length;
		await pg.stop();
		await sleep(2500);
		pg = await startEmbedded(join(dir, 'pg'), 'antrean', { port });
		const back = Date.now();
		// the nodes find the database again by themselves: the first request after it is back succeeds
		// (measured to the first success, not to several, so a busy shared machine's slow clients do not
		// count as the nodes' recovery), and then the burst goes on
		const okCount = () => attempts.filter((x) => x.status >= 200 && x.status < 300).length;
		const okAtRestart = okCount();
		while (okCount() === okAtRestart && Date.now() - back < 15_000) await sleep(20);
		const recoveredMs = Date.now() - back;
		while (okCount() < okAtRestart + 6 && Date.now() - back < 30_000) await sleep(50);
		expect(okCount()).toBeGreaterThanOrEqual(okAtRestart + 6);
		await sleep(1000);
		stop = true;
		// a loop that failed failed the test; settled first so neither rejection goes unhandled
		const loops = await Promise.allSettled([kiosk, desk]);
		for (const loop of loops) if (loop.status === 'rejected') throw loop.reason;

		// during the outage: 503 database_unavailable with Retry-After, never a 500
		// status 0: the connection dropped under the request (the client retries); every answer given was a 503
		const failures = attempts.filter((x) => x.status >= 300);
		expect(attempts.length).toBeGreaterThan(beforeOutage);
		expect(failures.length).toBeGreaterThan(0);
		for (const failure of failures) {
			expect(failure).toMatchObject({ status: 503, code: 'database_unavailable' });
			expect(Number(failure.retryAfter)).toBeGreaterThan(0);
		}
		expect(recoveredMs).toBeLessThan(5000);
		for (const node of nodes) expect(await fetch(`${node.url}/healthz`).then((r) => r.status)).toBe(200);

		// LISTEN resumes on both nodes, and the TV on B was told to resync, then hears new calls
		const fresh = createSql(pg.url, 2);
		try {
			await waitForListeners(fresh, 2, 15_000);
			expect(heard.some((e) => e.name === 'server:resync')).toBe(true);
			// the event may arrive before the HTTP answer does
			const seen = heard.length;
			const next = await retried(
				`${a.url}/api/v1/mpps/${mpp.slug}/tickets`,
				{
					method: 'POST',
					headers: { authorization: `Bearer ${mpp.devices.kiosk.token}` },
					body: JSON.stringify({ serviceId: mpp.services.c })
				},
				[]
			);
			expect(next.status).toBe(201);
			const deadline = Date.now() + 10_000;
			while (!heard.slice(seen).some((e) => e.name === 'queue:changed') && Date.now() < deadline)
				await sleep(50);
			expect(heard.slice(seen).some((e) => e.name === 'queue:changed')).toBe(true);

			// 0 tickets lost, none issued or called twice: the database agrees with every answer given
			const tickets = await fresh<{ id: string; calls: number }[]>`
				SELECT t.id, count(e.id) FILTER (WHERE e.type = 'called')::int AS calls
				FROM tickets t LEFT JOIN ticket_events e ON e.ticket_id = t.id
				WHERE t.mpp_id = ${mpp.id} GROUP BY t.id`;
			const byId = new Map(tickets.map((t) => [t.id, t.calls]));
			expect(new Set(issued).size).toBe(issued.length);
			for (const id of issued) expect(byId.has(id)).toBe(true);
			expect(tickets.length).toBe(issued.length + 1);
			expect(new Set(called).size).toBe(called.length);
			for (const id of called) expect(byId.get(id)).toBe(1);
			expect(tickets.filter((t) => t.calls > 0).length).toBe(called.length);
		} finally {
			await fresh.end({ timeout: 1 });
		}
	}, 120_000);
});
