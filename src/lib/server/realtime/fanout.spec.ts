import { describe, expect, it } from 'vitest';
import type { CounterView, Outcome, OutcomeTicket } from '../queue/outcome';
import { fanout } from './fanout';

const ticket: OutcomeTicket = {
	id: 't1',
	mppId: 'm1',
	number: 'A007',
	serviceId: 's1',
	serviceName: 'KTP-el',
	status: 'called',
	priorityGroup: null,
	trackCode: 'abcdefghjk',
	issuedAt: '2026-01-05T01:00:00.000Z',
	localDate: '2026-01-05',
	callCount: 1,
	firstCalledAt: '2026-01-05T01:05:00.000Z',
	calledAt: '2026-01-05T01:05:00.000Z',
	startedAt: null,
	finishedAt: null,
	counterId: 'c1',
	counterName: 'Loket 1'
};
const counter: CounterView = {
	id: 'c1',
	mppId: 'm1',
	name: 'Loket 1',
	status: 'open',
	currentTicketId: 't1',
	serviceIds: ['s1']
};
const outcome = (change: Outcome['change']): Outcome => ({
	mppId: 'm1',
	seq: 42,
	at: '2026-01-05T01:05:00.000Z',
	change,
	waiting: { s1: 3 }
});

/** room → event names it receives for one outcome */
function byRoom(o: Outcome) {
	const rooms: Record<string, string[]> = {};
	for (const emit of fanout(o)) for (const room of emit.rooms) (rooms[room] ??= []).push(emit.event);
	return rooms;
}

describe('fanout', () => {
	it('a call goes once to the display, once to staff and the counter, and to the citizen', () => {
		const previous = { ...ticket, id: 't0', trackCode: 'zzzzzzzzzz', status: 'done' as const };
		const o = outcome({ type: 'ticket:called', ticket, counter, finished: previous });
		expect(byRoom(o)).toEqual({
			'display:m1': ['ticket:called'],
			'staff:m1': ['ticket:called'],
			'counter:c1': ['ticket:called'],
			'ticket:abcdefghjk': ['ticket:tracked'],
			'ticket:zzzzzzzzzz': ['ticket:tracked']
		});
		const display = fanout(o).find((e) => e.rooms.includes('display:m1'))!;
		expect(display.payload).toEqual({
			mppId: 'm1',
			seq: 42,
			waiting: { s1: 3 },
			call: {
				ticketId: 't1',
				number: 'A007',
				serviceId: 's1',
				counterId: 'c1',
				counterName: 'Loket 1',
				calledAt: '2026-01-05T01:05:00.000Z',
				callCount: 1
			}
		});
	});

	it('the display hears an issued ticket only as a waiting count, without its number', () => {
		const issued = { ...ticket, status: 'waiting' as const, counterId: null, counterName: null };
		const emits = fanout(outcome({ type: 'ticket:issued', ticket: issued }));
		expect(byRoom(outcome({ type: 'ticket:issued', ticket: issued }))).toEqual({
			'display:m1': ['queue:changed'],
			'staff:m1': ['ticket:issued'],
			'ticket:abcdefghjk': ['ticket:tracked']
		});
		const display = emits.find((e) => e.rooms.includes('display:m1'))!;
		expect(display.payload).toEqual({ mppId: 'm1', seq: 42, waiting: { s1: 3 } });
	});

	it('every MPP room gets exactly one event carrying the outcome seq, whatever the change', () => {
		const changes: Outcome['change'][] = [
			{ type: 'ticket:issued', ticket },
			{ type: 'ticket:called', ticket, counter, finished: null },
			{ type: 'ticket:recalled', ticket, counter },
			{ type: 'ticket:started', ticket, counter },
			{ type: 'ticket:finished', ticket, counter },
			{ type: 'ticket:no-show', ticket, counter },
			{ type: 'ticket:transferred', ticket, fromServiceId: 's2', counter: null },
			{ type: 'ticket:cancelled', ticket, counter },
			{ type: 'counter:changed', counter: { ...counter, status: 'paused' }, finished: null },
			{ type: 'mpp:configured' }
		];
		for (const change of changes) {
			const emits = fanout(outcome(change));
			for (const room of ['display:m1', 'staff:m1']) {
				const forRoom = emits.filter((e) => e.rooms.includes(room));
				expect(forRoom, `${change.type} → ${room}`).toHaveLength(1);
				expect((forRoom[0].payload as { seq: number }).seq).toBe(42);
			}
		}
	});

	it('a paused counter shows on the display with its status only', () => {
		const paused = { ...counter, status: 'paused' as const, currentTicketId: null };
		const [display] = fanout(outcome({ type: 'counter:changed', counter: paused, finished: null }));
		expect(display).toEqual({
			rooms: ['display:m1'],
			event: 'queue:changed',
			payload: {
				mppId: 'm1',
				seq: 42,
				waiting: { s1: 3 },
				counter: { id: 'c1', name: 'Loket 1', status: 'paused' }
			}
		});
	});
});

describe("the citizen's phone", () => {
	it('learns its own ticket without the priority group or any id (UU 27/2022)', () => {
		const pregnant = { ...ticket, priorityGroup: 'ibu_hamil' as const };
		const phone = fanout(
			outcome({ type: 'ticket:called', ticket: pregnant, counter, finished: null })
		).filter((e) => e.event === 'ticket:tracked');
		expect(phone.map((e) => e.payload)).toEqual([
			{
				mppId: 'm1',
				seq: 42,
				ticket: {
					trackCode: 'abcdefghjk',
					number: 'A007',
					status: 'called',
					serviceId: 's1',
					serviceName: 'KTP-el',
					counterName: 'Loket 1',
					callCount: 1
				}
			}
		]);
		expect(JSON.stringify(phone)).not.toMatch(/ibu_hamil|priority|"t1"|"c1"/);
	});
});

describe('staff and counter rooms never receive a track code (issue 10 item 4)', () => {
	const done = { ...ticket, id: 't0', trackCode: 'zzzzzzzzzz', status: 'done' as const };
	it.each([
		{ type: 'ticket:issued', ticket },
		{ type: 'ticket:called', ticket, counter, finished: done },
		{ type: 'ticket:recalled', ticket, counter },
		{ type: 'ticket:started', ticket, counter },
		{ type: 'ticket:finished', ticket: done, counter },
		{ type: 'ticket:no-show', ticket, counter },
		{ type: 'ticket:transferred', ticket, fromServiceId: 's0', counter },
		{ type: 'ticket:cancelled', ticket, counter: null },
		{ type: 'counter:changed', counter, finished: done, requeued: ticket }
	] satisfies Outcome['change'][])('$type', (change) => {
		const emits = fanout(outcome(change));
		const toStaff = emits.filter((e) => e.rooms.some((r) => !r.startsWith('ticket:')));
		expect(toStaff.length).toBeGreaterThan(0);
		expect(JSON.stringify(toStaff)).not.toMatch(/abcdefghjk|zzzzzzzzzz|trackCode/);
		// the citizen's own room is still addressed by the code
		expect(emits.some((e) => e.rooms.some((r) => r.startsWith('ticket:')))).toBe(true);
	});
});

describe('fanout of the day-end sweep (issue 10 item 5)', () => {
	it('tells the TV and staff once, by ids only, and each citizen their ticket expired', () => {
		const other = { ...ticket, id: 't2', trackCode: 'mnpqrstuvw', status: 'expired' as const };
		const gone = { ...ticket, status: 'expired' as const };
		const emits = fanout(outcome({ type: 'ticket:expired', tickets: [gone, other], counterIds: ['c1'] }));
		const rooms = byRoom(outcome({ type: 'ticket:expired', tickets: [gone, other], counterIds: ['c1'] }));
		const mppEmits = emits.filter((e) => e.event === 'ticket:expired');
		expect(mppEmits).toHaveLength(1);
		expect(JSON.stringify(mppEmits[0].payload)).not.toContain(ticket.trackCode);
		expect(mppEmits[0].payload).toEqual({
			mppId: 'm1',
			seq: 42,
			waiting: { s1: 3 },
			ticketIds: ['t1', 't2'],
			counterIds: ['c1']
		});
		const tracked = emits.filter((e) => e.event === 'ticket:tracked');
		expect(tracked.map((e) => e.rooms)).toEqual([
			[`ticket:${ticket.trackCode}`],
			[`ticket:${other.trackCode}`]
		]);
		expect(tracked.every((e) => e.event === 'ticket:tracked' && e.payload.ticket.status === 'expired')).toBe(
			true
		);
		expect(Object.values(rooms).every((events) => events.length === 1)).toBe(true);
	});
});
