import { describe, expect, it } from 'vitest';
import { chooseNext, nextStreak, prefersPriority, type QueueCandidate } from './priority';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 1, minute));
const regular = (id: string, minute: number): QueueCandidate => ({
	id,
	priority: false,
	queuedAt: at(minute)
});
const priority = (id: string, minute: number): QueueCandidate => ({
	id,
	priority: true,
	queuedAt: at(minute)
});

/** Calls everything in `queue` the way one counter would, returning the ids in call order. */
function drain(queue: QueueCandidate[], ratio: number, streak = 0): string[] {
	const left = [...queue];
	const order: string[] = [];
	for (;;) {
		const choice = chooseNext(left, streak, ratio);
		if (!choice) return order;
		order.push(choice.ticket.id);
		streak = choice.streak;
		left.splice(left.indexOf(choice.ticket), 1);
	}
}

describe('chooseNext', () => {
	it('calls nobody when nobody waits', () => {
		expect(chooseNext([], 0, 2)).toBeUndefined();
	});

	it('calls a priority ticket before earlier regular ones', () => {
		const choice = chooseNext([regular('r1', 1), regular('r2', 2), priority('p1', 3)], 0, 2);
		expect(choice).toEqual({ ticket: priority('p1', 3), streak: 1 });
	});

	it('calls at most `ratio` priority tickets in a row while regular tickets wait', () => {
		const queue = [regular('r1', 1), regular('r2', 2), regular('r3', 3)];
		queue.push(priority('p1', 4), priority('p2', 5), priority('p3', 6), priority('p4', 7), priority('p5', 8));
		expect(drain(queue, 2)).toEqual(['p1', 'p2', 'r1', 'p3', 'p4', 'r2', 'p5', 'r3']);
		expect(drain(queue, 1)).toEqual(['p1', 'r1', 'p2', 'r2', 'p3', 'r3', 'p4', 'p5']);
	});

	it('keeps calling priority tickets when no regular ticket waits, without building a streak', () => {
		expect(chooseNext([priority('p1', 1)], 2, 2)).toEqual({ ticket: priority('p1', 1), streak: 0 });
		expect(drain([priority('p1', 1), priority('p2', 2), priority('p3', 3), regular('r1', 4)], 2)).toEqual([
			'p1',
			'p2',
			'r1',
			'p3'
		]);
	});

	it('resumes priority after a regular call', () => {
		expect(chooseNext([regular('r1', 1), priority('p1', 2)], 2, 2)).toEqual({
			ticket: regular('r1', 1),
			streak: 0
		});
	});

	it('orders by arrival (queued_at, then id), so a transferred ticket keeps its original place', () => {
		// t-transferred arrived at minute 1 at another service and was moved here at minute 9
		const queue = [regular('r-b', 5), regular('r-a', 5), regular('t-transferred', 1)];
		expect(drain(queue, 2)).toEqual(['t-transferred', 'r-a', 'r-b']);
	});
});

describe('streak rules', () => {
	it('prefers priority until the streak reaches the ratio', () => {
		expect(prefersPriority(0, 2)).toBe(true);
		expect(prefersPriority(1, 2)).toBe(true);
		expect(prefersPriority(2, 2)).toBe(false);
		expect(prefersPriority(0, 0)).toBe(true);
	});

	it('counts only priority calls that passed over a waiting regular ticket', () => {
		expect(nextStreak(true, true, 1)).toBe(2);
		expect(nextStreak(true, false, 1)).toBe(0);
		expect(nextStreak(false, true, 2)).toBe(0);
	});
});
