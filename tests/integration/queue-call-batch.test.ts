// Calls of one MPP that arrive together share one transaction (queue/mpp-batch.ts, issue 15). A
// refused call in the middle leaves nothing behind, a double press with the same Idempotency-Key
// never shares a batch and is answered once, every committed call has its own event seq in order, a
// database error in one call fails the whole batch with nothing half-done, and nothing is called
// twice or lost.
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

	it('a database error in one call fails the batch: every caller hears it, nothing is half-done', async () => {
		// a ticket the database refuses to call (a stand-in for any statement failing mid-batch)
		const [poisoned] = await db.sql<{ id: string }[]>`
			SELECT id FROM tickets WHERE mpp_id = ${jkt.id} AND status = 'waiting' ORDER BY queued_at, id LIMIT 1`;
		await db.sql.unsafe(`
			CREATE FUNCTION refuse_poisoned_call() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.id = '${poisoned.id}' AND NEW.status = 'called' THEN RAISE EXCEPTION 'refused on purpose'; END IF;
				RETURN NEW;
			END $$;
			CREATE TRIGGER refuse_poisoned_call BEFORE UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_call();`);
		const before = await seq();
		const [events] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ticket_events`;
		// the six presses share one batch (it waits a turn of the event loop for what is on its way), and
		// its first call takes the oldest ticket, the poisoned one
		const results = await Promise.allSettled(
			[...counters, ...counters].map((counterId) => callNext(db.sql, { counterId, actor: {}, now }))
		);
		await db.sql.unsafe(
			`DROP TRIGGER refuse_poisoned_call ON tickets; DROP FUNCTION refuse_poisoned_call();`
		);
		// every call that shared the poisoned call's transaction failed with it, and none is half-done
		expect(results.map((r) => r.status)).toEqual(Array(6).fill('rejected'));
		for (const r of results)
			expect(String((r as PromiseRejectedResult).reason)).toContain('refused on purpose');
		expect(await seq()).toBe(before);
		const [after] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ticket_events`;
		expect(after.n).toBe(events.n);
		const [ticket] = await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${poisoned.id}`;
		expect(ticket.status).toBe('waiting');
		// pressed again, the same calls go through
		for (const counterId of counters) await callNext(db.sql, { counterId, actor: {}, now });
		const [called] = await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${poisoned.id}`;
		expect(called.status).toBe('called');
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
