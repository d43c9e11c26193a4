// Two nodes batching the calls of one MPP at once (queue/mpp-batch.ts, issue 15). Each node keeps its
// own transaction per MPP; a call locks its counter and, through the trigger that keeps the waiting
// counts (migration 0031), the count row of the called ticket's service. Two batches that took the
// same rows in opposite orders would deadlock, and PostgreSQL would fail one of them after a second:
// every call in it answered with an error. This test calls a mixed queue from two nodes (two
// connection pools, as two processes have) until it is empty and expects every call answered and every
// ticket called exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { activateService, deactivateService } from '../../src/lib/server/admin/services';
import { callNext, issueTicket, setCounterStatus, transfer } from '../../src/lib/server/queue';
import { createWorld, mppAdminActor, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;
let nodes: Sql[];
let counters: string[];
let services: string[];
// Monday 23 Nov 2026, 09:00 WIB
const now = new Date('2026-11-23T02:00:00Z');
const perService = 120;

async function issueRound() {
	for (let i = 0; i < perService; i++)
		for (const serviceId of services) await issueTicket(db.sql, { mppId: jkt.id, serviceId, actor: {}, now });
}

/** Every counter presses "next" on `node`, over and over, until nobody waits; what failed is kept. */
async function callUntilEmpty(node: Sql, called: string[], failures: unknown[]) {
	await Promise.all(
		counters.map(async (counterId) => {
			for (;;) {
				try {
					const { ticket } = await callNext(node, { counterId, actor: {}, now });
					if (!ticket) return;
					called.push(ticket.id);
					// an operator's pace differs: the next batch holds the calls in another order
					await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
				} catch (error) {
					// a paused counter's "next" is refused in words: the operator waits and tries again
					if ((error as { code?: string }).code === 'counter_not_open') {
						await new Promise((resolve) => setTimeout(resolve, 5));
						continue;
					}
					failures.push(error);
					if (failures.length > 20) return;
				}
			}
		})
	);
}

async function queueState() {
	const [state] = await db.sql<{ waiting: number; total: number; twice: number }[]>`
		SELECT count(*) FILTER (WHERE status = 'waiting')::int AS waiting, count(*)::int AS total,
			(SELECT count(*)::int FROM (SELECT ticket_id FROM ticket_events WHERE type = 'called'
				GROUP BY ticket_id HAVING count(*) > 1) d) AS twice
		FROM tickets WHERE mpp_id = ${jkt.id}`;
	return state;
}

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
	counters = Object.values(jkt.counters);
	await db.sql`UPDATE counters SET status = 'open' WHERE mpp_id = ${jkt.id}`;
	// each counter serves two of the three services, overlapping: a batch takes count rows and counters
	// in the order its calls arrive, which differs between the nodes
	services = Object.values(jkt.services);
	await db.sql`DELETE FROM counter_services WHERE counter_id IN ${db.sql(counters)}`;
	for (const [i, counterId] of counters.entries())
		for (const serviceId of [services[i % 3], services[(i + 1) % 3]])
			await db.sql`INSERT INTO counter_services (counter_id, service_id) VALUES (${counterId}, ${serviceId})`;
	await issueRound();
	nodes = [createSql(db.url, 10), createSql(db.url, 10)];
	// each node reads the counters' MPP on its first call, as a node does once per counter
	for (const node of nodes)
		for (const counterId of counters) await callNext(node, { counterId, actor: {}, now });
}, 60_000);
afterAll(async () => {
	await Promise.all((nodes ?? []).map((node) => node.end({ timeout: 5 })));
	await db?.drop();
});

describe('two nodes calling one MPP', () => {
	it('answer every call, and call every ticket once, without a deadlock', async () => {
		const called: string[] = [];
		const failures: unknown[] = [];
		await Promise.all(nodes.map((node) => callUntilEmpty(node, called, failures)));
		expect(failures.map((e) => String(e))).toEqual([]);
		const { waiting, total, twice } = await queueState();
		expect(waiting).toBe(0);
		expect(twice).toBe(0);
		expect(new Set(called).size).toBe(called.length);
		expect(called.length + counters.length * nodes.length).toBeGreaterThanOrEqual(total);
	}, 120_000);

	it('answer every call and every transfer while the other node moves waiting tickets', async () => {
		await issueRound();
		const waitingIds = (
			await db.sql<{ id: string; serviceId: string }[]>`
				SELECT id, service_id AS "serviceId" FROM tickets WHERE mpp_id = ${jkt.id} AND status = 'waiting'
				ORDER BY random() LIMIT 150`
		).map((t) => ({
			...t,
			to: services[(services.indexOf(t.serviceId) + 1 + (t.id.charCodeAt(35) % 2)) % 3]
		}));
		const called: string[] = [];
		const failures: unknown[] = [];
		let moved = 0;
		await Promise.all([
			callUntilEmpty(nodes[0], called, failures),
			// two desks moving tickets between services at once, each in its own transaction
			...[0, 1].map(async (desk) => {
				for (const t of waitingIds.filter((_, i) => i % 2 === desk)) {
					try {
						await transfer(nodes[1], { ticketId: t.id, toServiceId: t.to, actor: {}, now });
						moved++;
					} catch (error) {
						// a ticket already finished cannot move: that is the queue working, not a failure
						if ((error as { code?: string }).code !== 'invalid_state') failures.push(error);
					}
				}
			})
		]);
		expect(failures.map((e) => String(e))).toEqual([]);
		expect(moved).toBeGreaterThan(0);
		const { waiting } = await queueState();
		expect(waiting).toBe(0);
		// a ticket moved away from a counter waits again and is called again; any other is called once
		const [{ twice }] = await db.sql<{ twice: number }[]>`
			SELECT count(*)::int AS twice FROM (
				SELECT ticket_id FROM ticket_events e WHERE type = 'called' AND mpp_id = ${jkt.id}
					AND NOT EXISTS (SELECT 1 FROM ticket_events x WHERE x.ticket_id = e.ticket_id AND x.type = 'transferred'
						AND x.data->>'fromStatus' <> 'waiting')
				GROUP BY ticket_id HAVING count(*) > 1) d`;
		expect(twice).toBe(0);
	}, 120_000);

	it('answer every call while an admin deactivates a service and moves its queue', async () => {
		const [moving, target] = services;
		// the admin's moment within the calling varies from round to round
		for (const delay of [0, 10, 30]) {
			await issueRound();
			const called: string[] = [];
			const failures: unknown[] = [];
			const input = { decision: 'transfer', targetServiceId: target };
			await Promise.all([
				callUntilEmpty(nodes[0], called, failures),
				new Promise((resolve) => setTimeout(resolve, delay)).then(() =>
					deactivateService(nodes[1], mppAdminActor(jkt), jkt.id, moving, input).catch((error) =>
						failures.push(error)
					)
				)
			]);
			expect(failures.map((e) => String(e))).toEqual([]);
			expect((await queueState()).waiting).toBe(0);
			await activateService(db.sql, mppAdminActor(jkt), jkt.id, moving);
		}
	}, 120_000);

	it('answer every call while another counter pauses and opens again and again', async () => {
		await issueRound();
		const called: string[] = [];
		const failures: unknown[] = [];
		let stop = false;
		const toggling = jkt.counters.two;
		await Promise.all([
			callUntilEmpty(nodes[0], called, failures).then(() => (stop = true)),
			(async () => {
				// its called ticket goes back to its queue each time, while the other node's batches call
				while (!stop) {
					for (const status of ['paused', 'open'] as const) {
						await setCounterStatus(nodes[1], { counterId: toggling, status, actor: {}, now }).catch((error) =>
							failures.push(error)
						);
						await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
					}
				}
			})()
		]);
		expect(failures.map((e) => String(e))).toEqual([]);
		expect((await queueState()).waiting).toBe(0);
	}, 120_000);
});
