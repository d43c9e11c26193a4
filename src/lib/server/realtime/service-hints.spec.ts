import { describe, expect, it } from 'vitest';
import type { CounterView, Outcome, TicketView } from '../queue/outcome';
import { serviceHints } from './service-hints';

const ticket = { id: 't1', trackCode: 'abcdefghjk', serviceId: 's1' } as TicketView;
const counter = { id: 'c1', name: 'Loket 1' } as CounterView;
const outcome = (change: Outcome['change'], waiting: Record<string, number>): Outcome => ({
	mppId: 'm1',
	seq: 7,
	at: '2026-01-05T01:05:00.000Z',
	change,
	waiting
});

describe('serviceHints', () => {
	it('tells the citizens of a service to refetch when a ticket of that service is called', () => {
		const hints = serviceHints(
			outcome({ type: 'ticket:called', ticket, counter, finished: null }, { s1: 4 })
		);
		expect(hints).toEqual([
			{ rooms: ['service:s1'], event: 'service:moved', payload: { mppId: 'm1', serviceId: 's1' } }
		]);
	});

	it('carries no ticket numbers, track codes or counts', () => {
		const [hint] = serviceHints(outcome({ type: 'ticket:cancelled', ticket, counter: null }, { s1: 9 }));
		expect(JSON.stringify(hint.payload)).not.toMatch(/abcdefghjk|A00|9/);
	});

	it('reaches both services of a transfer and every service of a counter that closed', () => {
		const transferred = outcome(
			{ type: 'ticket:transferred', ticket, fromServiceId: 's2', counter: null },
			{ s1: 1, s2: 0 }
		);
		expect(serviceHints(transferred).map((h) => h.rooms[0])).toEqual(['service:s1', 'service:s2']);
		const closed = outcome({ type: 'counter:changed', counter, finished: null }, { s1: 1, s3: 2 });
		expect(serviceHints(closed).map((h) => h.rooms[0])).toEqual(['service:s1', 'service:s3']);
	});

	it('stays quiet when nobody already waiting moves: a new ticket, a recall, a start', () => {
		expect(serviceHints(outcome({ type: 'ticket:issued', ticket }, { s1: 5 }))).toEqual([]);
		expect(serviceHints(outcome({ type: 'ticket:recalled', ticket, counter }, { s1: 5 }))).toEqual([]);
		expect(serviceHints(outcome({ type: 'ticket:started', ticket, counter }, { s1: 5 }))).toEqual([]);
	});
});
