// Calls of one MPP that arrive together share one transaction (queue/mpp-batch.ts, issue 15): each in
// its own savepoint. A refused call in the middle undoes only itself, a double press with the same
// Idempotency-Key inside one batch is answered once, every committed call has its own event seq in
// order, and nothing is called twice or lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotentReplay } from '../../src/lib/server/idempotency';
import { callNext, issueTicket, setCounterStatus } from '../../src/lib/server/queue';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
let counters: string[];
// Monday 23 Nov 2026, 09:00 WIB
const now = new Date('2026-11-23T02:00:00Z');

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
	counters = [jkt.counters.one, jkt.counters.two, jkt.counters.three];
	await db.sql`UPDATE counters SET status = 'open' WHERE mpp_id = ${jkt.id}`;
	// every counter serves every service here, so all of them compete for the same heads
	await db.sql`
		INSERT INTO counter_services (counter_id, service_id)
		SELECT c.id, s.id FROM counters c JOIN services s ON s.mpp_id = c.mpp_id WHERE c.mpp_id = ${jkt.id}
		ON CONFLICT DO NOTHING`;
	for (let i = 0; i < 40; i++)
		await issueTicket(db.sql, { mppId: jkt.id, serviceId: jkt.services.a, actor: {}, now });
	// a first call per counter: this process reads the counters' MPP once, before the batches below
	for (const counterId of counters) await callNext(db.sql, { counterId, actor: {}, now });
});
afterAll(async () => {
	await db?.drop();
});

const seq = async () =>
	(await db.sql<{ seq: number }[]>`SELECT seq FROM mpp_event_seq WHERE mpp_id = ${jkt.id}`)[0].seq;

describe('calls of one MPP in one transaction', () => {
	it('a refused call undoes only itself; the others commit with consecutive seqs', async () => {
		await setCounterStatus(db.sql, { counterId: jkt.counters.two, status: 'paused', actor: {}, now });
		const before = await seq();
		const results = await Promise.allSettled(
			[...counters, ...counters].map((counterId) => callNext(db.sql, { counterId, actor: {}, now }))
		);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused).toHaveLength(2);
		for (const r of refused) expect((r as PromiseRejectedResult).reason.code).toBe('counter_not_open');
		const called = results.flatMap((r) => (r.status === 'fulfilled' && r.value.ticket ? [r.value] : []));
		expect(called).toHaveLength(4);
		expect(new Set(called.map((c) => c.ticket!.id)).size).toBe(4);
		const seqs = called.map((c) => c.outcome!.seq).sort((a, b) => a - b);
		expect(seqs).toEqual([before + 1, before + 2, before + 3, before + 4]);
		expect(await seq()).toBe(before + 4);
		await setCounterStatus(db.sql, { counterId: jkt.counters.two, status: 'open', actor: {}, now });
	});

	it('a double press with one Idempotency-Key in the same batch calls once and answers twice', async () => {
		const idempotency = { caller: `user:${jkt.users.operator.id}`, key: 'double-press-1', requestHash: 'h1' };
		const [first, second] = await Promise.allSettled([
			callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now, idempotency }),
			callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now, idempotency })
		]);
		const answered = [first, second].filter((r) => r.status === 'fulfilled');
		const replayed = [first, second].filter(
			(r) => r.status === 'rejected' && r.reason instanceof IdempotentReplay
		);
		expect(answered).toHaveLength(1);
		expect(replayed).toHaveLength(1);
		const ticket = (answered[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof callNext>>>).value
			.ticket!;
		expect(((replayed[0] as PromiseRejectedResult).reason as IdempotentReplay).response).toMatchObject({
			ticket: { id: ticket.id }
		});
		const [{ n }] = await db.sql<{ n: number }[]>`
			SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = ${ticket.id} AND type = 'called'`;
		expect(n).toBe(1);
	});

	it('calls everything once, whatever the pressing, and loses nothing', async () => {
		await Promise.all(
			counters.map(async (counterId) => {
				while ((await callNext(db.sql, { counterId, actor: {}, now })).ticket);
			})
		);
		const [row] = await db.sql<{ waiting: number; twice: number; calledTickets: number; tickets: number }[]>`
			SELECT count(*) FILTER (WHERE status = 'waiting')::int AS waiting, count(*)::int AS tickets,
				-- called again only after going back to the queue (the paused counter's ticket above)
				(SELECT count(*)::int FROM (SELECT ticket_id FROM ticket_events GROUP BY ticket_id
					HAVING count(*) FILTER (WHERE type = 'called') > 1 + count(*) FILTER (WHERE type = 'requeued')) d)
					AS twice,
				(SELECT count(DISTINCT ticket_id)::int FROM ticket_events WHERE type = 'called') AS "calledTickets"
			FROM tickets WHERE mpp_id = ${jkt.id}`;
		expect(row).toEqual({ waiting: 0, twice: 0, calledTickets: row.tickets, tickets: 40 });
	});
});
