import { describe, expect, it } from 'vitest';
import type { CounterView, Outcome, OutcomeTicket } from '../queue/outcome';
import { movedServices } from './service-hints';

const ticket = { id: 't1', trackCode: 'abcdefghjk', serviceId: 's1' } as OutcomeTicket;
const counter = { id: 'c1', name: 'Loket 1' } as CounterView;
const outcome = (change: Outcome['change'], waiting: Record<string, number>): Outcome => ({
	mppId: 'm1',
	seq: 7,
	at: '2026-01-05T01:05:00.000Z',
	change,
	waiting
});

describe('movedServices', () => {
	it('moves the citizens of a service when a ticket of that service is called or cancelled', () => {
		expect(
			movedServices(outcome({ type: 'ticket:called', ticket, counter, finished: null }, { s1: 4 }))
		).toEqual(['s1']);
		expect(movedServices(outcome({ type: 'ticket:cancelled', ticket, counter: null }, { s1: 9 }))).toEqual([
			's1'
		]);
	});

	it('reaches both services of a transfer and every service of a counter that closed', () => {
		const transferred = outcome(
			{ type: 'ticket:transferred', ticket, fromServiceId: 's2', counter: null },
			{ s1: 1, s2: 0 }
		);
		expect(movedServices(transferred)).toEqual(['s1', 's2']);
		const closed = outcome({ type: 'counter:changed', counter, finished: null }, { s1: 1, s3: 2 });
		expect(movedServices(closed)).toEqual(['s1', 's3']);
	});

	it('stays quiet when nobody already waiting moves: a new ticket, a recall, a start', () => {
		expect(movedServices(outcome({ type: 'ticket:issued', ticket }, { s1: 5 }))).toEqual([]);
		expect(movedServices(outcome({ type: 'ticket:recalled', ticket, counter }, { s1: 5 }))).toEqual([]);
		expect(movedServices(outcome({ type: 'ticket:started', ticket, counter }, { s1: 5 }))).toEqual([]);
	});
});
