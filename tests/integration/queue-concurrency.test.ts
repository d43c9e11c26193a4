// Many counters and kiosks at once against real PostgreSQL: nobody called twice, nobody lost,
// numbers contiguous, the quota exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { AppError } from '../../src/lib/server/errors';
import { callNext, finish, issueTicket, recall, setCounterStatus, start } from '../../src/lib/server/queue';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let pool: Sql;
let mks: MppFixture;
const now = new Date('2026-11-23T02:00:00Z'); // 10:00 WITA

beforeAll(async () => {
	db = await createTestDatabase();
	mks = (await createWorld(db.sql)).mpps[1];
	// 50 counters press at once through a pool, as they do through an app node's pool; 25 connections
	// keep 25 transactions in flight in PostgreSQL while leaving room on a shared CI server
	// (max_connections 100: a pool of 55 here once starved other test files of connections)
	pool = createSql(db.url, 25);
});
afterAll(async () => {
	await pool?.end({ timeout: 5 });
	await db?.drop();
});

async function inBatches<T>(count: number, batch: number, task: (i: number) => Promise<T>): Promise<T[]> {
	const results: T[] = [];
	for (let i = 0; i < count; i += batch) {
		const size = Math.min(batch, count - i);
		results.push(...(await Promise.all(Array.from({ length: size }, (_, k) => task(i + k)))));
	}
	return results;
}

describe('concurrency', () => {
	// heavy on purpose; a busy shared machine can take well over the default 60 s
	it(
		'50 counters pressing "next" at once call each of 2,000 tickets exactly once',
		{ timeout: 180_000 },
		async () => {
			const services = [mks.services.a, mks.services.b, mks.services.c];
			const issued = await inBatches(2000, 20, (i) =>
				issueTicket(pool, {
					mppId: mks.id,
					serviceId: services[i % 3],
					priorityGroup: i % 17 === 0 ? 'lansia' : null,
					actor: {},
					now: new Date(now.getTime() + i)
				})
			);
			const counters = await inBatches(50, 10, (i) =>
				insertCounter(db.sql, {
					mppId: mks.id,
					name: `Loket Uji ${i + 1}`,
					serviceIds: services,
					status: 'open'
				})
			);

			const calledBy = new Map<string, string[]>();
			let outcomes = 0;
			await Promise.all(
				counters.map(async (counter) => {
					for (;;) {
						const result = await callNext(pool, { counterId: counter.id, actor: {}, now });
						if (result.outcome) outcomes++;
						if (!result.ticket) return;
						calledBy.set(result.ticket.id, [...(calledBy.get(result.ticket.id) ?? []), counter.id]);
					}
				})
			);

			// what the counters were told
			expect(calledBy.size).toBe(2000);
			expect([...calledBy.values()].filter((c) => c.length > 1)).toEqual([]);
			expect(new Set(issued.map((t) => t.ticket.id))).toEqual(new Set(calledBy.keys()));
			// what the database says
			const [row] = await db.sql<{ waiting: number; calls: number; tickets: number; done: number }[]>`
			SELECT count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
				count(*) FILTER (WHERE status = 'done')::int AS done,
				count(*)::int AS tickets,
				(SELECT count(*)::int FROM ticket_events WHERE type = 'called') AS calls
			FROM tickets`;
			expect(row).toEqual({ waiting: 0, calls: 2000, tickets: 2000, done: 2000 });
			const twice = await db.sql`
			SELECT ticket_id FROM ticket_events WHERE type = 'called' GROUP BY ticket_id HAVING count(*) > 1`;
			expect(twice).toHaveLength(0);
			// every call and every final "nobody left" got its own place in the MPP's event order
			const [seq] = await db.sql<{ seq: number }[]>`SELECT seq FROM mpp_event_seq WHERE mpp_id = ${mks.id}`;
			expect(seq.seq).toBe(2000 + outcomes);
		}
	);

	it('kiosks issuing at once get unique, contiguous numbers and never exceed the daily quota', async () => {
		const tenant = await insertTenant(db.sql, { mppId: mks.id, code: 'IMIGRASI', name: 'Imigrasi' });
		const service = await insertService(db.sql, {
			mppId: mks.id,
			tenantId: tenant.id,
			code: 'PASPOR',
			prefix: 'E',
			name: 'Paspor',
			dailyQuota: 40
		});
		const results = await Promise.allSettled(
			Array.from({ length: 60 }, (_, i) =>
				issueTicket(pool, {
					mppId: mks.id,
					serviceId: service.id,
					actor: {},
					now: new Date(now.getTime() + i)
				})
			)
		);
		const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ticket.number] : []));
		const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(numbers.sort()).toEqual(
			Array.from({ length: 40 }, (_, i) => `E${String(i + 1).padStart(3, '0')}`)
		);
		expect(refusals).toHaveLength(20);
		for (const refusal of refusals) {
			expect(refusal).toBeInstanceOf(AppError);
			expect(refusal).toMatchObject({ status: 409, code: 'quota_reached' });
		}
		const [count] = await db.sql<{ n: number }[]>`
			SELECT count(*)::int AS n FROM tickets WHERE issued_service_id = ${service.id}`;
		expect(count.n).toBe(40);
	});

	it(
		'operators finishing, recalling and pausing while their counters call next never deadlock',
		{ timeout: 180_000 },
		async () => {
			// Ticket operations lock the counter before the ticket, as callNext does. Racing them must end in
			// either success or a clear 409, never a deadlock or another database error.
			const tenant = await insertTenant(db.sql, { mppId: mks.id, code: 'BPJS', name: 'BPJS Kesehatan' });
			const service = await insertService(db.sql, {
				mppId: mks.id,
				tenantId: tenant.id,
				code: 'BPJS',
				prefix: 'F',
				name: 'BPJS'
			});
			const counters = await inBatches(10, 10, (i) =>
				insertCounter(db.sql, {
					mppId: mks.id,
					name: `Loket BPJS ${i + 1}`,
					serviceIds: [service.id],
					status: 'open'
				})
			);
			await inBatches(300, 20, (i) =>
				issueTicket(pool, {
					mppId: mks.id,
					serviceId: service.id,
					actor: {},
					now: new Date(now.getTime() + i)
				})
			);
			const unexpected: unknown[] = [];
			const tolerate = (error: unknown) => {
				if (!(error instanceof AppError && error.status === 409)) unexpected.push(error);
			};
			await Promise.all(
				counters.map(async (counter, c) => {
					for (let round = 0; round < 200; round++) {
						const { ticket } = await callNext(pool, { counterId: counter.id, actor: {}, now }).catch(
							(error) => {
								tolerate(error);
								return { ticket: undefined };
							}
						);
						if (ticket === null) return;
						if (!ticket) continue;
						const ticketId = ticket.id;
						// a second operator screen acts on the same ticket while the first presses "next" again
						await Promise.all([
							(round % 3 === 0
								? recall(pool, { ticketId, actor: {}, now })
								: round % 3 === 1
									? start(pool, { ticketId, actor: {}, now })
									: finish(pool, { ticketId, actor: {}, now })
							).catch(tolerate),
							round % 7 === c % 7
								? setCounterStatus(pool, { counterId: counter.id, status: 'paused', actor: {}, now })
										.then(() =>
											setCounterStatus(pool, { counterId: counter.id, status: 'open', actor: {}, now })
										)
										.catch(tolerate)
								: callNext(pool, { counterId: counter.id, actor: {}, now }).catch(tolerate)
						]);
					}
				})
			);
			expect(unexpected).toEqual([]);
			// drain what the races left: requeued tickets and tickets still at a counter
			for (const counter of counters) {
				await setCounterStatus(db.sql, { counterId: counter.id, status: 'open', actor: {}, now });
				while ((await callNext(db.sql, { counterId: counter.id, actor: {}, now })).ticket);
			}
			const [row] = await db.sql<{ notDone: number; called: number; requeued: number; tickets: number }[]>`
			SELECT count(*) FILTER (WHERE t.status <> 'done')::int AS "notDone", count(*)::int AS tickets,
				(SELECT count(*)::int FROM ticket_events e JOIN tickets x ON x.id = e.ticket_id
					WHERE x.service_id = ${service.id} AND e.type = 'called') AS called,
				(SELECT count(*)::int FROM ticket_events e JOIN tickets x ON x.id = e.ticket_id
					WHERE x.service_id = ${service.id} AND e.type = 'requeued') AS requeued
			FROM tickets t WHERE t.service_id = ${service.id}`;
			expect(row.tickets).toBe(300);
			expect(row.notDone).toBe(0);
			// every ticket was called once, plus once more each time a pause put it back in the queue
			expect(row.called).toBe(300 + row.requeued);
		}
	);
});
