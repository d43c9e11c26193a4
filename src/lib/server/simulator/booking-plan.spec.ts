import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/traffic-profile';
import { bookAheadFactor, bookingsAhead, minutesAhead, windowAhead } from './booking-plan';

describe('windowAhead', () => {
	it('gives the next quarter-hour window in the MPP zone', () => {
		// 01:07 UTC = 09:07 WITA
		const at = new Date('2026-12-07T01:07:00Z');
		expect(windowAhead(at, 'Asia/Makassar', 0)).toEqual({ date: '2026-12-07', time: '09:15' });
		expect(windowAhead(at, 'Asia/Makassar', 60)).toEqual({ date: '2026-12-07', time: '10:15' });
		expect(windowAhead(new Date('2026-12-07T01:15:00Z'), 'Asia/Makassar', 0).time).toBe('09:15');
	});

	it('crosses midnight into the next local day (WIT)', () => {
		// 14:50 UTC = 23:50 WIT
		expect(windowAhead(new Date('2026-12-07T14:50:00Z'), 'Asia/Jayapura', 30)).toEqual({
			date: '2026-12-08',
			time: '00:30'
		});
	});
});

describe('bookingsAhead', () => {
	it('books about the share of expected arrivals, with a margin for no-shows and cancellations', () => {
		const random = seededRandom(7);
		let total = 0;
		for (let i = 0; i < 2000; i++) total += bookingsAhead(random, 5, 0.3);
		const mean = total / 2000;
		expect(mean).toBeGreaterThan(5 * 0.3 * bookAheadFactor * 0.9);
		expect(mean).toBeLessThan(5 * 0.3 * bookAheadFactor * 1.1);
	});

	it('is deterministic for a seed and books nothing at share 0', () => {
		const a = seededRandom(3);
		const b = seededRandom(3);
		expect(Array.from({ length: 20 }, () => bookingsAhead(a, 4, 0.3))).toEqual(
			Array.from({ length: 20 }, () => bookingsAhead(b, 4, 0.3))
		);
		expect(bookingsAhead(seededRandom(1), 10, 0)).toBe(0);
	});

	it('books one to two hours ahead', () => {
		const random = seededRandom(11);
		for (let i = 0; i < 200; i++) {
			const m = minutesAhead(random);
			expect(m).toBeGreaterThanOrEqual(60);
			expect(m).toBeLessThan(120);
		}
	});
});
