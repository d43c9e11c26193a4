import { describe, expect, it } from 'vitest';
import { addDays, daySlots, regularQuota, releaseMinute, slotCapacity, zonedInstant } from './booking-slots';
import type { OpeningHours } from './types';

const hours: OpeningHours = {
	sun: [],
	mon: [['07:30', '09:00']],
	tue: [],
	wed: [],
	thu: [],
	fri: [
		['07:30', '08:00'],
		['13:00', '13:20']
	],
	sat: []
};

describe('booking slots', () => {
	it('cuts opening hours into whole 15-minute windows', () => {
		expect(daySlots(hours, 'mon')).toEqual([450, 465, 480, 495, 510, 525]);
		expect(daySlots(hours, 'fri')).toEqual([450, 465, 780]);
		expect(daySlots(hours, 'sun')).toEqual([]);
	});

	it('books a share of what the counters finish in 15 minutes, rounded down', () => {
		expect(slotCapacity(3, 10, 50)).toBe(2); // 4.5 served, 2.25 bookable
		expect(slotCapacity(1, 20, 50)).toBe(0);
		expect(slotCapacity(10, 1, 100)).toBe(150);
	});

	it('spreads a day of windows over the release hour', () => {
		const minutes = [0, 1, 2, 3].map((i) => releaseMinute(i, 4, 7));
		expect(minutes).toEqual([420, 435, 450, 465]);
	});

	it('keeps the priority reserve out of the regular quota', () => {
		expect(regularQuota(100, 10)).toBe(90);
		expect(regularQuota(2, 10)).toBe(2);
	});

	it('turns a local wall-clock time into the instant of its zone', () => {
		expect(zonedInstant('2026-11-23', 450, 'Asia/Makassar').toISOString()).toBe('2026-11-22T23:30:00.000Z');
		expect(zonedInstant('2026-11-23', 450, 'Asia/Jayapura').toISOString()).toBe('2026-11-22T22:30:00.000Z');
		expect(addDays('2026-12-31', 14)).toBe('2027-01-14');
	});
});
