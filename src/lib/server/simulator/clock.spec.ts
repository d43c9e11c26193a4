import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../domain/types';
import { advance, countersWork, dayWindow, startPosition } from './clock';

const h = (hh: number, mm = 0) => hh * 3600 + mm * 60;
const day: [string, string][] = [['07:30', '16:00']];
const hours: OpeningHours = {
	sun: [],
	mon: day,
	tue: day,
	wed: day,
	thu: day,
	fri: [
		['07:30', '11:30'],
		['13:00', '16:00']
	],
	sat: []
};

describe('simulated business-day clock', () => {
	it('runs from the kiosk’s early issue, 30 minutes before the doors, to closing', () => {
		expect(dayWindow(hours, 1)).toEqual([h(7), h(16)]);
		expect(dayWindow(hours, 0)).toBeNull();
	});

	it('starts at the real time while the MPP is open, else at the next business morning', () => {
		expect(startPosition(hours, { weekday: 2, seconds: h(10, 15) })).toEqual({
			weekday: 2,
			seconds: h(10, 15)
		});
		expect(startPosition(hours, { weekday: 2, seconds: h(5) })).toEqual({ weekday: 2, seconds: h(7) });
		expect(startPosition(hours, { weekday: 2, seconds: h(20) })).toEqual({ weekday: 3, seconds: h(7) });
		// Saturday evening: Sunday and Saturday are closed, so Monday morning
		expect(startPosition(hours, { weekday: 6, seconds: h(20) })).toEqual({ weekday: 1, seconds: h(7) });
	});

	it('jumps over nights and the weekend, keeping the overflow', () => {
		expect(advance(hours, { weekday: 1, seconds: h(15, 50) }, 20 * 60)).toEqual({
			weekday: 2,
			seconds: h(7, 10)
		});
		expect(advance(hours, { weekday: 5, seconds: h(15, 59) }, 120)).toEqual({ weekday: 1, seconds: h(7, 1) });
	});

	it('lets counters work only inside opening periods, not before the doors or in the Friday prayer break', () => {
		expect(countersWork(hours, { weekday: 1, seconds: h(7, 15) })).toBe(false);
		expect(countersWork(hours, { weekday: 1, seconds: h(7, 30) })).toBe(true);
		expect(countersWork(hours, { weekday: 5, seconds: h(12) })).toBe(false);
		expect(countersWork(hours, { weekday: 5, seconds: h(13, 5) })).toBe(true);
	});
});
