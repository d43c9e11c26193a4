import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf, zonedInstant, zoneOffsetMinutes } from './zoned-time';

describe('zoned time', () => {
	it('knows the three Indonesian offsets', () => {
		const at = new Date('2026-11-23T00:00:00Z');
		expect(zoneOffsetMinutes('Asia/Jakarta', at)).toBe(420);
		expect(zoneOffsetMinutes('Asia/Makassar', at)).toBe(480);
		expect(zoneOffsetMinutes('Asia/Jayapura', at)).toBe(540);
	});

	it('local 07:30 is a different UTC instant in each zone', () => {
		const seconds = 7.5 * 3600;
		expect(new Date(zonedInstant('2026-11-23', seconds, 'Asia/Jakarta')).toISOString()).toBe(
			'2026-11-23T00:30:00.000Z'
		);
		expect(new Date(zonedInstant('2026-11-23', seconds, 'Asia/Makassar')).toISOString()).toBe(
			'2026-11-22T23:30:00.000Z'
		);
		expect(new Date(zonedInstant('2026-11-23', seconds, 'Asia/Jayapura')).toISOString()).toBe(
			'2026-11-22T22:30:00.000Z'
		);
	});

	it('walks the calendar', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(weekdayOf('2026-11-23')).toBe(1);
	});
});
