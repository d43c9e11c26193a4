// The whole life of tickets through the queue engine, with the history each step writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTicketEvents } from '../../src/lib/server/db/queue-events';
import {
	callNext,
	cancel,
	finish,
	findTicket,
	getTicketByTrackCode,
	issueTicket,
	noShow,
	queueWaitingCounts,
	recall,
	setCounterStatus,
	start,
	ticketAccessInfo,
	transfer
} from '../../src/lib/server/queue';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
// Monday 23 Nov 2026, 09:00 WIB; each test moves the clock forward by itself
let clock = Date.parse('2026-11-23T02:00:00Z');
const tick = (minutes = 1) => new Date((clock += minutes * 60_000));

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
});
afterAll(async () => {
	await db?.drop();
});

const events = async (ticketId: string) =>
	(await listTicketEvents(db.sql, ticketId)).map((e) => ({
		type: e.type,
		counterId: e.counterId,
		userId: e.userId,
		deviceId: e.deviceId
	}));

/** Calls at counter `counterId` until nothing waits for it, so each test starts from an empty queue. */
async function drain(counterId: string) {
	for (;;) {
		const { ticket } = await callNext(db.sql, { counterId, actor: {}, now: tick() });
		if (!ticket) return;
	}
}

describe('ticket lifecycle', () => {
	it('issues, calls, recalls, starts and finishes, recording each step with who and where', async () => {
		const kiosk = { deviceId: jkt.devices.kiosk.id };
		const operator = { userId: jkt.users.operator.id };
		const issued = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: kiosk,
			now: tick()
		});
		expect(issued.ticket).toMatchObject({
			number: 'A001',
			status: 'waiting',
			serviceId: jkt.services.a,
			serviceName: 'KTP-el',
			localDate: '2026-11-23',
			callCount: 0,
			counterId: null
		});
		expect(issued.ticket.trackCode).toMatch(/^[a-z2-9]{10}$/);
		expect(issued.position).toBe(1);
		expect(issued.estimatedWaitMinutes).toBe(0);
		expect(issued.outcome).toMatchObject({ mppId: jkt.id, change: { type: 'ticket:issued' } });
		expect(issued.outcome.waiting).toEqual({ [jkt.services.a]: 1 });

		const second = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: kiosk,
			now: tick()
		});
		expect(second.ticket.number).toBe('A002');
		expect(second.position).toBe(2);
		// one ahead × 10 expected minutes ÷ 2 open counters serving A (Loket 1 and 2)
		expect(second.estimatedWaitMinutes).toBe(5);
		expect(second.outcome.seq).toBe(issued.outcome.seq + 1);

		const called = await callNext(db.sql, { counterId: jkt.counters.one, actor: operator, now: tick() });
		expect(called.ticket).toMatchObject({
			id: issued.ticket.id,
			status: 'called',
			callCount: 1,
			counterId: jkt.counters.one,
			counterName: 'Loket 1'
		});
		expect(called.finished).toBeNull();
		expect(called.outcome?.change).toMatchObject({
			type: 'ticket:called',
			counter: { id: jkt.counters.one, currentTicketId: issued.ticket.id, status: 'open' }
		});
		// only the called ticket's service changed
		expect(called.outcome?.waiting).toEqual({ [jkt.services.a]: 1 });

		const recalled = await recall(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() });
		expect(recalled.ticket.callCount).toBe(2);
		expect(recalled.outcome.change.type).toBe('ticket:recalled');

		const started = await start(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() });
		expect(started.ticket.status).toBe('serving');
		expect(started.ticket.startedAt).not.toBeNull();

		const finished = await finish(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick(7) });
		expect(finished.ticket).toMatchObject({ status: 'done', counterId: jkt.counters.one });
		expect(await findTicket(db.sql, issued.ticket.id)).toEqual(finished.ticket);
		expect(finished.outcome.change).toMatchObject({
			type: 'ticket:finished',
			counter: { id: jkt.counters.one, currentTicketId: null }
		});

		expect(await events(issued.ticket.id)).toEqual([
			{ type: 'issued', counterId: null, userId: null, deviceId: jkt.devices.kiosk.id },
			{ type: 'called', counterId: jkt.counters.one, userId: jkt.users.operator.id, deviceId: null },
			{ type: 'recalled', counterId: jkt.counters.one, userId: jkt.users.operator.id, deviceId: null },
			{ type: 'started', counterId: jkt.counters.one, userId: jkt.users.operator.id, deviceId: null },
			{ type: 'finished', counterId: jkt.counters.one, userId: jkt.users.operator.id, deviceId: null }
		]);

		// The tracking page of the waiting ticket now uses today's measured service time (7 minutes).
		const tracking = await getTicketByTrackCode(db.sql, second.ticket.trackCode);
		expect(tracking).toMatchObject({ ticket: { number: 'A002', status: 'waiting' }, position: 1 });
		expect(tracking?.estimatedWaitMinutes).toBe(0);
		const done = await getTicketByTrackCode(db.sql, issued.ticket.trackCode);
		expect(done).toMatchObject({ ticket: { status: 'done' }, position: null, estimatedWaitMinutes: null });
		expect(await getTicketByTrackCode(db.sql, 'tidakada23')).toBeUndefined();
		await drain(jkt.counters.one);
	});

	it('finishes the ticket still at the counter when the operator calls the next one', async () => {
		const first = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.b,
			actor: {},
			now: tick()
		});
		const second = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.b,
			actor: {},
			now: tick()
		});
		await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		const next = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(next.ticket?.id).toBe(second.ticket.id);
		expect(next.finished).toMatchObject({ id: first.ticket.id, status: 'done' });
		expect(next.outcome?.change).toMatchObject({ type: 'ticket:called', finished: { id: first.ticket.id } });
		expect((await events(first.ticket.id)).map((e) => e.type)).toEqual(['issued', 'called', 'finished']);

		// nobody waits: the last ticket is still finished, and the counter shows as free
		const empty = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(empty.ticket).toBeNull();
		expect(empty.finished).toMatchObject({ id: second.ticket.id, status: 'done' });
		expect(empty.outcome?.change).toMatchObject({
			type: 'counter:changed',
			counter: { currentTicketId: null },
			finished: { id: second.ticket.id }
		});
		const idle = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(idle).toEqual({ ticket: null, finished: null, outcome: null });
	});

	it('marks a no-show only after the call limit, and refuses recalls beyond it', async () => {
		const issued = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.c,
			actor: {},
			now: tick()
		});
		const operator = { userId: jkt.users.operator.id };
		await callNext(db.sql, { counterId: jkt.counters.three, actor: operator, now: tick() });
		await expect(
			noShow(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() })
		).rejects.toMatchObject({
			status: 409,
			code: 'call_limit_not_reached',
			message: expect.stringContaining('2 kali lagi')
		});
		await recall(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() });
		await recall(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() });
		await expect(
			recall(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() })
		).rejects.toMatchObject({
			status: 409,
			code: 'call_limit_reached',
			message: expect.stringContaining('tidak hadir')
		});
		const absent = await noShow(db.sql, { ticketId: issued.ticket.id, actor: operator, now: tick() });
		expect(absent.ticket).toMatchObject({ status: 'no_show', callCount: 3 });
		expect(absent.outcome.change).toMatchObject({
			type: 'ticket:no-show',
			counter: { currentTicketId: null }
		});
		expect((await events(issued.ticket.id)).map((e) => e.type)).toEqual([
			'issued',
			'called',
			'recalled',
			'recalled',
			'no_show'
		]);
	});

	it('transfers a ticket to another service keeping its number and its place in arrival order', async () => {
		const early = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: {},
			now: tick()
		});
		const moved = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: {},
			now: tick()
		});
		const laterC = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.c,
			actor: {},
			now: tick()
		});
		await callNext(db.sql, { counterId: jkt.counters.two, actor: {}, now: tick() });
		const atTwo = await callNext(db.sql, { counterId: jkt.counters.two, actor: {}, now: tick() });
		expect(atTwo).toMatchObject({ ticket: { id: moved.ticket.id }, finished: { id: early.ticket.id } });

		// the citizen at Loket 2 actually needs SKCK (service c), where laterC arrived after them
		const operator = { userId: jkt.users.operator.id };
		const transferred = await transfer(db.sql, {
			ticketId: moved.ticket.id,
			toServiceId: jkt.services.c,
			actor: operator,
			now: tick()
		});
		expect(transferred.ticket).toMatchObject({
			number: moved.ticket.number,
			serviceId: jkt.services.c,
			serviceName: 'SKCK',
			status: 'waiting',
			counterId: null,
			callCount: 0
		});
		expect(transferred.outcome.change).toMatchObject({
			type: 'ticket:transferred',
			fromServiceId: jkt.services.a,
			counter: { id: jkt.counters.two, currentTicketId: null }
		});
		expect(transferred.outcome.waiting).toEqual({ [jkt.services.a]: 0, [jkt.services.c]: 2 });
		expect(await ticketAccessInfo(db.sql, moved.ticket.id)).toEqual({
			mppId: jkt.id,
			serviceId: jkt.services.c,
			counterId: null,
			status: 'waiting'
		});
		await expect(
			transfer(db.sql, {
				ticketId: moved.ticket.id,
				toServiceId: jkt.services.c,
				actor: operator,
				now: tick()
			})
		).rejects.toMatchObject({ status: 422, code: 'same_service' });
		const other = world.mpps[1].services.a;
		await expect(
			transfer(db.sql, { ticketId: moved.ticket.id, toServiceId: other, actor: operator, now: tick() })
		).rejects.toMatchObject({ status: 404, code: 'service_not_found' });

		// it arrived before laterC, so SKCK's counter calls it first; its first call time is kept
		const first = await callNext(db.sql, { counterId: jkt.counters.three, actor: {}, now: tick() });
		expect(first.ticket?.id).toBe(moved.ticket.id);
		expect(first.ticket?.firstCalledAt).toBe(atTwo.ticket?.firstCalledAt);
		const second = await callNext(db.sql, { counterId: jkt.counters.three, actor: {}, now: tick() });
		expect(second.ticket?.id).toBe(laterC.ticket.id);
		expect(await events(moved.ticket.id)).toEqual([
			{ type: 'issued', counterId: null, userId: null, deviceId: null },
			{ type: 'called', counterId: jkt.counters.two, userId: null, deviceId: null },
			{ type: 'transferred', counterId: jkt.counters.two, userId: jkt.users.operator.id, deviceId: null },
			{ type: 'called', counterId: jkt.counters.three, userId: null, deviceId: null },
			// calling laterC finished it
			{ type: 'finished', counterId: jkt.counters.three, userId: null, deviceId: null }
		]);
		await drain(jkt.counters.three);
	});

	it('cancels waiting and called tickets only', async () => {
		const waiting = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.b,
			actor: {},
			now: tick()
		});
		const cancelled = await cancel(db.sql, { ticketId: waiting.ticket.id, actor: {}, now: tick() });
		expect(cancelled.ticket.status).toBe('cancelled');
		expect(cancelled.outcome.change).toMatchObject({ type: 'ticket:cancelled', counter: null });
		expect(cancelled.outcome.waiting).toEqual({ [jkt.services.b]: 0 });

		const called = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.b,
			actor: {},
			now: tick()
		});
		await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		const gone = await cancel(db.sql, { ticketId: called.ticket.id, actor: {}, now: tick() });
		expect(gone.outcome.change).toMatchObject({
			type: 'ticket:cancelled',
			counter: { currentTicketId: null }
		});

		await expect(
			cancel(db.sql, { ticketId: called.ticket.id, actor: {}, now: tick() })
		).rejects.toMatchObject({
			status: 409,
			code: 'invalid_state'
		});
		expect((await events(called.ticket.id)).map((e) => e.type)).toEqual(['issued', 'called', 'cancelled']);
	});

	it('pausing a counter finishes a ticket being served and puts a called one back in its place', async () => {
		const a1 = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: {},
			now: tick()
		});
		const a2 = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.a,
			actor: {},
			now: tick()
		});
		const operator = { userId: jkt.users.operator.id };
		await callNext(db.sql, { counterId: jkt.counters.one, actor: operator, now: tick() });
		await start(db.sql, { ticketId: a1.ticket.id, actor: operator, now: tick() });
		const paused = await setCounterStatus(db.sql, {
			counterId: jkt.counters.one,
			status: 'paused',
			actor: operator,
			now: tick()
		});
		expect(paused.counter).toMatchObject({ status: 'paused', currentTicketId: null });
		expect(paused.outcome.change).toMatchObject({ type: 'counter:changed', finished: { id: a1.ticket.id } });
		await expect(
			callNext(db.sql, { counterId: jkt.counters.one, actor: operator, now: tick() })
		).rejects.toMatchObject({ status: 409, code: 'counter_not_open' });

		await callNext(db.sql, { counterId: jkt.counters.two, actor: {}, now: tick() });
		const closed = await setCounterStatus(db.sql, {
			counterId: jkt.counters.two,
			status: 'closed',
			actor: {},
			now: tick()
		});
		expect(closed.outcome.change).toMatchObject({
			type: 'counter:changed',
			finished: null,
			requeued: { id: a2.ticket.id, status: 'waiting' }
		});
		expect(closed.outcome.waiting[jkt.services.a]).toBe(1);
		expect((await events(a2.ticket.id)).map((e) => e.type)).toEqual(['issued', 'called', 'requeued']);

		await setCounterStatus(db.sql, {
			counterId: jkt.counters.one,
			status: 'open',
			actor: operator,
			now: tick()
		});
		await setCounterStatus(db.sql, { counterId: jkt.counters.two, status: 'open', actor: {}, now: tick() });
		const again = await callNext(db.sql, { counterId: jkt.counters.one, actor: operator, now: tick() });
		expect(again.ticket).toMatchObject({ id: a2.ticket.id, callCount: 1 });
		expect(await queueWaitingCounts(db.sql, jkt.id)).toEqual({
			[jkt.services.a]: 0,
			[jkt.services.b]: 0,
			[jkt.services.c]: 0
		});
	});
});
