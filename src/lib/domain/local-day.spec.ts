import { describe, expect, it } from 'vitest';
import { clockWithSeconds, formatClock, localDate, localTime, parseClock, zoneLabel } from './local-day';

describe('localTime', () => {
	it('gives the MPP-local date, weekday and clock in WIB, WITA and WIT', () => {
		const at = new Date('2026-11-23T16:30:00Z'); // a Monday in UTC
		expect(localTime(at, 'Asia/Jakarta')).toEqual({
			date: '2026-11-23',
			weekday: 'mon',
			minutes: 23 * 60 + 30
		});
		expect(localTime(at, 'Asia/Makassar')).toEqual({ date: '2026-11-24', weekday: 'tue', minutes: 30 });
		expect(localTime(at, 'Asia/Jayapura')).toEqual({ date: '2026-11-24', weekday: 'tue', minutes: 90 });
	});

	it('puts 23:30 UTC on the next local day in WITA, so numbering there has already reset', () => {
		const at = new Date('2026-11-23T23:30:00Z');
		expect(localDate(at, 'Asia/Makassar')).toBe('2026-11-24');
		expect(localTime(at, 'Asia/Makassar').minutes).toBe(7 * 60 + 30);
	});

	it('changes the local day exactly at local midnight in each zone', () => {
		// local midnight is 17:00 UTC (WIB), 16:00 UTC (WITA), 15:00 UTC (WIT) of the previous UTC day
		for (const [zone, hour] of [
			['Asia/Jakarta', 17],
			['Asia/Makassar', 16],
			['Asia/Jayapura', 15]
		] as const) {
			const before = new Date(Date.UTC(2026, 10, 23, hour, 0, 0) - 1);
			const at = new Date(Date.UTC(2026, 10, 23, hour, 0, 0));
			expect(localDate(before, zone)).toBe('2026-11-23');
			expect(localTime(before, zone).minutes).toBe(23 * 60 + 59);
			expect(localDate(at, zone)).toBe('2026-11-24');
			expect(localTime(at, zone)).toMatchObject({ weekday: 'tue', minutes: 0 });
		}
	});

	it('crosses month and year ends', () => {
		expect(localDate(new Date('2026-12-31T17:00:00Z'), 'Asia/Jakarta')).toBe('2027-01-01');
		expect(localDate(new Date('2026-12-31T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-12-31');
	});
});

describe('zone labels and clocks', () => {
	it('labels the three Indonesian zones', () => {
		expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
		expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
		expect(zoneLabel('Asia/Makassar')).toBe('WITA');
		expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
		expect(zoneLabel('Europe/Berlin')).toBe('Europe/Berlin');
	});

	it('parses and formats HH:MM, including 24:00 as an end of day', () => {
		expect(parseClock('07:30')).toBe(450);
		expect(parseClock('24:00')).toBe(1440);
		expect(formatClock(450)).toBe('07:30');
		expect(() => parseClock('7:30')).toThrow();
		expect(() => parseClock('24:30')).toThrow();
		expect(() => parseClock('12:60')).toThrow();
	});

	it("gives an instant as HH:MM:SS on each zone's clock, 00 just after midnight", () => {
		const at = new Date('2026-12-04T16:03:27Z');
		expect(clockWithSeconds(at, 'Asia/Jakarta')).toBe('23:03:27');
		expect(clockWithSeconds(at, 'Asia/Makassar')).toBe('00:03:27');
		expect(clockWithSeconds(at, 'Asia/Jayapura')).toBe('01:03:27');
	});
});
