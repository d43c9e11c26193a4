import { describe, expect, it } from 'vitest';
import { applyDisplayDelta, applyStaffDelta, RECENT_CALLS } from './apply';
import type { CallView, CounterView, DisplaySnapshot, StaffSnapshot, TicketView } from './events';

const mpp = { id: 'm1', slug: 'uji', name: 'MPP Uji', timezone: 'Asia/Jakarta', runningText: '' };

function call(n: number, counterId = 'c1'): CallView {
	return {
		ticketId: `t${n}`,
		number: `A${String(n).padStart(3, '0')}`,
		serviceId: 's1',
		counterId,
		counterName: 'Loket 1',
		calledAt: `2026-01-05T01:${String(n).padStart(2, '0')}:00.000Z`,
		callCount: 1
	};
}

function ticket(n: number, patch: Partial<TicketView> = {}): TicketView {
	return {
		id: `t${n}`,
		mppId: 'm1',
		number: `A${String(n).padStart(3, '0')}`,
		serviceId: 's1',
		serviceName: 'KTP-el',
		status: 'called',
		priorityGroup: null,
		issuedAt: '2026-01-05T01:00:00.000Z',
		localDate: '2026-01-05',
		callCount: 1,
		firstCalledAt: '2026-01-05T01:05:00.000Z',
		calledAt: '2026-01-05T01:05:00.000Z',
		startedAt: null,
		finishedAt: null,
		counterId: 'c1',
		counterName: 'Loket 1',
		...patch
	};
}

const counterView = (patch: Partial<CounterView> = {}): CounterView => ({
	id: 'c1',
	mppId: 'm1',
	name: 'Loket 1',
	status: 'open',
	currentTicketId: null,
	serviceIds: ['s1'],
	...patch
});

const display = (): DisplaySnapshot => ({
	kind: 'display',
	seq: 3,
	mpp,
	recentCalls: [call(1)],
	waiting: { s1: 4, s2: 1 },
	services: [],
	counters: [{ id: 'c1', name: 'Loket 1', status: 'open' }]
});

const staff = (): StaffSnapshot => ({
	kind: 'staff',
	seq: 3,
	mpp,
	recentCalls: [],
	waiting: { s1: 4 },
	services: [],
	counters: [{ id: 'c1', name: 'Loket 1', status: 'open', serviceIds: ['s1'], currentTicket: null }]
});

describe('applyDisplayDelta', () => {
	it('puts a call first, updates the waiting count and the seq', () => {
		const next = applyDisplayDelta(display(), {
			name: 'ticket:called',
			payload: { mppId: 'm1', seq: 4, call: call(2), waiting: { s1: 3 } }
		});
		expect(next.recentCalls.map((c) => c.number)).toEqual(['A002', 'A001']);
		expect(next.waiting).toEqual({ s1: 3, s2: 1 });
		expect(next.seq).toBe(4);
	});

	it('moves a recalled ticket to the top once, and keeps only the latest calls', () => {
		let s = display();
		for (let n = 2; n <= RECENT_CALLS + 3; n++) {
			s = applyDisplayDelta(s, {
				name: 'ticket:called',
				payload: { mppId: 'm1', seq: n + 2, call: call(n), waiting: {} }
			});
		}
		expect(s.recentCalls).toHaveLength(RECENT_CALLS);
		const recall = { ...call(5), callCount: 2 };
		s = applyDisplayDelta(s, {
			name: 'ticket:recalled',
			payload: { mppId: 'm1', seq: 99, call: recall, waiting: {} }
		});
		expect(s.recentCalls[0]).toEqual(recall);
		expect(s.recentCalls.filter((c) => c.ticketId === 't5')).toHaveLength(1);
	});

	it('shows a paused counter and the running text', () => {
		let s = applyDisplayDelta(display(), {
			name: 'queue:changed',
			payload: { mppId: 'm1', seq: 4, waiting: {}, counter: { id: 'c1', name: 'Loket 1', status: 'paused' } }
		});
		s = applyDisplayDelta(s, {
			name: 'display:message',
			payload: { mppId: 'm1', runningText: 'Selamat datang' }
		});
		expect(s.counters[0].status).toBe('paused');
		expect(s.mpp.runningText).toBe('Selamat datang');
		expect(s.seq).toBe(4);
	});
});

describe('applyStaffDelta', () => {
	it('shows the called ticket at its counter, then clears it when finished', () => {
		const called = ticket(7);
		let s = applyStaffDelta(staff(), {
			name: 'ticket:called',
			payload: {
				mppId: 'm1',
				seq: 4,
				call: call(7),
				waiting: { s1: 3 },
				ticket: called,
				counter: counterView({ currentTicketId: 't7' }),
				finished: null
			}
		});
		expect(s.counters[0].currentTicket?.number).toBe('A007');
		expect(s.waiting.s1).toBe(3);
		s = applyStaffDelta(s, {
			name: 'ticket:started',
			payload: {
				mppId: 'm1',
				seq: 5,
				waiting: {},
				ticket: { ...called, status: 'serving' },
				counter: counterView({ currentTicketId: 't7' })
			}
		});
		expect(s.counters[0].currentTicket?.status).toBe('serving');
		s = applyStaffDelta(s, {
			name: 'ticket:finished',
			payload: {
				mppId: 'm1',
				seq: 6,
				waiting: {},
				ticket: { ...called, status: 'done' },
				counter: counterView()
			}
		});
		expect(s.counters[0].currentTicket).toBeNull();
		expect(s.seq).toBe(6);
	});

	it('counts an issued ticket and shows a closed counter', () => {
		let s = applyStaffDelta(staff(), {
			name: 'ticket:issued',
			payload: { mppId: 'm1', seq: 4, waiting: { s1: 5 }, ticket: ticket(9, { status: 'waiting' }) }
		});
		s = applyStaffDelta(s, {
			name: 'counter:changed',
			payload: {
				mppId: 'm1',
				seq: 5,
				waiting: {},
				counter: counterView({ status: 'closed' }),
				finished: null
			}
		});
		expect(s.waiting.s1).toBe(5);
		expect(s.counters[0].status).toBe('closed');
	});
});

describe('ticket:expired (the day-end sweep, issue 10 item 5)', () => {
	const expired = {
		name: 'ticket:expired' as const,
		payload: { mppId: 'm1', seq: 4, waiting: { s1: 0 }, ticketIds: ['t1'], counterIds: ['c1'] }
	};

	it('drops the expired call from a TV and zeroes its waiting count', () => {
		const next = applyDisplayDelta(display(), expired);
		expect(next.recentCalls).toEqual([]);
		expect(next.waiting).toEqual({ s1: 0, s2: 1 });
		expect(next.seq).toBe(4);
	});

	it('frees the counter that still held the expired ticket on a staff screen', () => {
		const held = staff();
		held.counters[0].currentTicket = ticket(1);
		held.recentCalls = [call(1), call(2)];
		const next = applyStaffDelta(held, expired);
		expect(next.counters[0].currentTicket).toBeNull();
		expect(next.recentCalls.map((c) => c.ticketId)).toEqual(['t2']);
		expect(next.waiting).toEqual({ s1: 0 });
		expect(next.seq).toBe(4);
	});
});
