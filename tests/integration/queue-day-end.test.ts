// The MPP's day ends (issue 10 item 5): around local midnight in WIB, WITA and WIT, a ticket of the
// ended day is never called, counted, listed or served into the next day, and the sweep closes it as
// `expired` once, with its event and the MPP's seq. Clocks are injected; nothing here waits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExpiredDays } from '../../src/lib/server/db/expiry';
import { listTicketEvents } from '../../src/lib/server/db/queue-events';
import { countWaitingInMpp } from '../../src/lib/server/db/queue-stats';
import { listWaitingPlaces } from '../../src/lib/server/db/positions';
import {
	callNext,
	expireEndedDays,
	issueTicket,
	queueWaitingCounts,
	recall,
	start
} from '../../src/lib/server/queue';
import { displaySnapshot, staffSnapshot } from '../../src/lib/server/realtime/snapshot';
import { mppStats } from '../../src/lib/server/stats/query';
import { createMpp, createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
const zones = [
	['WIB', 'Asia/Jakarta', 7],
	['WITA', 'Asia/Makassar', 8],
	['WIT', 'Asia/Jayapura', 9]
] as const;
const mpps: Record<string, MppFixture> = {};

beforeAll(async () => {
	db = await createTestDatabase();
	await createWorld(db.sql);
	for (const [label, zone] of zones)
		mpps[label] = await createMpp(db.sql, `hari-${label.toLowerCase()}`, zone);
});
afterAll(async () => {
	await db?.drop();
});

/** The instant of local `hh:mm:ss` on 2026-11-23 (a Monday) in a zone `offset` hours ahead of UTC. */
const localOn23 = (offset: number, clock: string) =>
	new Date(Date.parse(`2026-11-23T${clock}Z`) - offset * 3_600_000);

const seqOf = async (mppId: string) =>
	(await db.sql<{ seq: number }[]>`SELECT seq::int FROM mpp_event_seq WHERE mpp_id = ${mppId}`)[0].seq;
const statusOf = async (id: string) =>
	(await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${id}`)[0].status;

describe.each(zones)('the day ends at local midnight in %s (%s)', (label, _zone, offset) => {
	const kiosk = {};
	let mpp: MppFixture;
	const yesterday: Record<'waiting' | 'called' | 'serving' | 'held', string> = {} as never;
	let today: string;
	const lateEvening = (clock: string) => new Date(localOn23(offset, clock).getTime() - 86_400_000);

	beforeAll(async () => {
		mpp = mpps[label];
		// 22 Nov, late evening: a ticket serving at counter one, one called at counter two, one waiting
		const issue = async (at: Date, serviceId = mpp.services.a) =>
			(await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: kiosk, now: at })).ticket;
		const serving = await issue(lateEvening('23:40:00'));
		const called = await issue(lateEvening('23:41:00'));
		const waiting = await issue(lateEvening('23:42:00'));
		expect(
			(await callNext(db.sql, { counterId: mpp.counters.one, actor: {}, now: lateEvening('23:50:00') }))
				.ticket?.id
		).toBe(serving.id);
		await start(db.sql, { ticketId: serving.id, actor: {}, now: lateEvening('23:51:00') });
		expect(
			(await callNext(db.sql, { counterId: mpp.counters.two, actor: {}, now: lateEvening('23:52:00') }))
				.ticket?.id
		).toBe(called.id);
		// and one called at counter three, which nobody touches again: the sweep frees that counter
		const held = await issue(lateEvening('23:43:00'), mpp.services.c);
		await callNext(db.sql, { counterId: mpp.counters.three, actor: {}, now: lateEvening('23:53:00') });
		Object.assign(yesterday, { serving: serving.id, called: called.id, waiting: waiting.id, held: held.id });
		// 23 Nov, half a minute after local midnight: numbering restarts
		const fresh = await issue(localOn23(offset, '00:00:30'));
		expect(fresh.number).toBe('A001');
		expect(fresh.localDate).toBe('2026-11-23');
		today = fresh.id;
	});

	it("counts only today's tickets as waiting, before any sweep", async () => {
		const counts = await queueWaitingCounts(db.sql, mpp.id, localOn23(offset, '00:00:40'));
		expect(counts[mpp.services.a]).toBe(1);
		// the same instant seen a minute before midnight still belongs to the 22nd
		const before = await queueWaitingCounts(db.sql, mpp.id, lateEvening('23:59:00'));
		expect(before[mpp.services.a]).toBe(1);
		expect(await statusOf(yesterday.waiting)).toBe('waiting');
	});

	it("calls today's A001, never yesterday's, and never finishes yesterday's ticket into today", async () => {
		const at = localOn23(offset, '00:00:50');
		const { ticket, finished } = await callNext(db.sql, { counterId: mpp.counters.one, actor: {}, now: at });
		expect(ticket?.id).toBe(today);
		expect(ticket?.localDate).toBe('2026-11-23');
		// the ticket left serving overnight is not recorded as a 25-minute (or 15-hour) service
		expect(finished).toBeNull();
		expect(await statusOf(yesterday.serving)).toBe('serving');
		// nothing else waits today, so the next press finds nobody, although yesterday's A003 still waits
		const next = await callNext(db.sql, { counterId: mpp.counters.two, actor: {}, now: at });
		expect(next.ticket).toBeNull();
		expect(await statusOf(yesterday.waiting)).toBe('waiting');
		// an operator cannot recall yesterday's called ticket into today either
		await expect(recall(db.sql, { ticketId: yesterday.called, actor: {}, now: at })).rejects.toMatchObject({
			code: 'ticket_day_ended'
		});
	});

	it('expires every open ticket of the ended day once, with an event and the seq, and leaves today alone', async () => {
		const at = localOn23(offset, '00:01:00');
		const seqBefore = await seqOf(mpp.id);
		const outcomes = (await expireEndedDays(db.sql, at)).filter((o) => o.mppId === mpp.id);
		expect(outcomes).toHaveLength(1);
		const [outcome] = outcomes;
		expect(outcome.seq).toBe(seqBefore + 1);
		expect(outcome.change.type).toBe('ticket:expired');
		if (outcome.change.type !== 'ticket:expired') return;
		expect(outcome.change.tickets.map((t) => t.id).sort()).toEqual(Object.values(yesterday).sort());
		expect(outcome.change.tickets.every((t) => t.status === 'expired')).toBe(true);
		expect(outcome.change.counterIds).toEqual([mpp.counters.three]);
		const [{ holders }] = await db.sql<{ holders: number }[]>`
			SELECT count(*)::int AS holders FROM counters WHERE current_ticket_id = ANY(${Object.values(yesterday)}::uuid[])`;
		expect(holders).toBe(0);
		expect(outcome.waiting[mpp.services.a]).toBe(0);
		for (const id of Object.values(yesterday)) {
			expect(await statusOf(id)).toBe('expired');
			const events = (await listTicketEvents(db.sql, id)).filter((e) => e.type === 'expired');
			expect(events).toHaveLength(1);
		}
		// an expired ticket was not served: no finish time, so no service time
		const [served] = await db.sql`SELECT finished_at FROM tickets WHERE id = ${yesterday.serving}`;
		expect(served.finished_at).toBeNull();
		expect(await statusOf(today)).toBe('called');

		// run again, and twice at once: nothing changes twice, no seq is taken
		const seqAfter = await seqOf(mpp.id);
		const again = await Promise.all([
			expireEndedDays(db.sql, at),
			expireEndedDays(db.sql, at),
			expireEndedDays(db.sql, localOn23(offset, '00:02:00'))
		]);
		expect(again.flat().filter((o) => o.mppId === mpp.id)).toEqual([]);
		expect(await seqOf(mpp.id)).toBe(seqAfter);
		const [{ n }] = await db.sql<{ n: number }[]>`
			SELECT count(*)::int AS n FROM ticket_events WHERE mpp_id = ${mpp.id} AND type = 'expired'`;
		expect(n).toBe(4);
	});
});

describe("the ended day's statistics", () => {
	it('count expired tickets as issued only: no wait, no service time, never a no-show', async () => {
		const mpp = mpps.WIB;
		const now = localOn23(7, '00:05:00');
		const stats = await mppStats(db.sql, mpp, { from: '2026-11-22', to: '2026-11-22', groupBy: 'day' }, now);
		expect(stats.total).toMatchObject({ issued: 4, called: 0, served: 0, noShow: { count: 0 } });
		expect(stats.total.wait.avg).toBeNull();
		expect(stats.total.service.avg).toBeNull();
		const [expired] = await listExpiredDays(db.sql, mpp.id, '2026-11-22', '2026-11-22');
		expect(expired).toMatchObject({ date: '2026-11-22', count: 4 });
		expect([...expired.numbers].sort()).toEqual(['A001', 'A002', 'A003', 'D001']);
	});
});

describe('two sweeps racing over many open tickets of an ended day', () => {
	it('expire each ticket exactly once', async () => {
		const mpp = mpps.WITA;
		const evening = new Date(Date.parse('2026-11-24T15:00:00Z')); // 23:00 WITA, 24 Nov
		for (let i = 0; i < 40; i++) {
			await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor: {}, now: evening });
		}
		const morning = new Date(Date.parse('2026-11-25T00:00:00Z')); // 08:00 WITA, 25 Nov
		const runs = await Promise.all([1, 2, 3, 4].map(() => expireEndedDays(db.sql, morning)));
		const ours = runs.flat().filter((o) => o.mppId === mpp.id);
		const expired = ours
			.flatMap((o) => (o.change.type === 'ticket:expired' ? o.change.tickets : []))
			.filter((t) => t.localDate === '2026-11-24');
		expect(expired).toHaveLength(40);
		expect(new Set(expired.map((t) => t.id)).size).toBe(40);
		const seqs = ours.map((o) => o.seq);
		expect(new Set(seqs).size).toBe(seqs.length);
	});
});

describe("the live reads at the real hour see only the MPP's today", () => {
	it('snapshots, positions and counters leave out a ticket of the previous local day', async () => {
		const mpp = mpps.WIT;
		const now = new Date();
		const dayAgo = new Date(now.getTime() - 86_400_000);
		const old = await issueTicket(db.sql, {
			mppId: mpp.id,
			serviceId: mpp.services.b,
			actor: {},
			now: dayAgo
		});
		const oldCalled = await issueTicket(db.sql, {
			mppId: mpp.id,
			serviceId: mpp.services.c,
			actor: {},
			now: dayAgo
		});
		await callNext(db.sql, { counterId: mpp.counters.three, actor: {}, now: dayAgo });
		const fresh = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.b, actor: {}, now });
		expect(fresh.ticket.number).toBe('B001');

		expect((await countWaitingInMpp(db.sql, mpp.id))[mpp.services.b]).toBe(1);
		const display = await displaySnapshot(db.sql, mpp.id);
		expect(display.waiting[mpp.services.b]).toBe(1);
		expect(display.recentCalls.map((c) => c.ticketId)).not.toContain(oldCalled.ticket.id);
		const staff = await staffSnapshot(db.sql, mpp.id);
		expect(staff.waiting[mpp.services.b]).toBe(1);
		expect(staff.counters.find((c) => c.id === mpp.counters.three)?.currentTicket).toBeNull();
		const places = await listWaitingPlaces(db.sql, mpp.services.b);
		expect(places.map((p) => p.trackCode)).toEqual([fresh.ticket.trackCode]);
		expect(places[0].ahead).toBe(0);
		expect(fresh.position).toBe(1);
		expect(old.ticket.localDate).not.toBe(fresh.ticket.localDate);
	});
});

describe('an MPP served by an edge (issue 13)', () => {
	it('is not swept at the centre: its edge closes the day and sends the expiries', async () => {
		const mpp = await createMpp(db.sql, 'hari-edge', 'Asia/Jayapura');
		const evening = new Date(localOn23(9, '20:00:00').getTime() - 86_400_000);
		const { ticket } = await issueTicket(db.sql, {
			mppId: mpp.id,
			serviceId: mpp.services.a,
			actor: {},
			now: evening
		});
		const [edge] = await db.sql`
			INSERT INTO edge_nodes (mpp_id, name, token_hash) VALUES (${mpp.id}, 'Edge', 'hash-hari-edge') RETURNING id`;
		const at = localOn23(9, '00:05:00');
		expect((await expireEndedDays(db.sql, at)).filter((o) => o.mppId === mpp.id)).toHaveLength(0);
		expect(await statusOf(ticket.id)).toBe('waiting');
		// revoked, the centre is the writer again and closes the day
		await db.sql`UPDATE edge_nodes SET revoked_at = now() WHERE id = ${edge.id}`;
		expect((await expireEndedDays(db.sql, at)).filter((o) => o.mppId === mpp.id)).toHaveLength(1);
		expect(await statusOf(ticket.id)).toBe('expired');
	});
});
