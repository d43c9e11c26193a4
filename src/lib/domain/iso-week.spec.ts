import { describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOf, mondayOfIsoWeek, mondaysBetween } from './iso-week';

describe('ISO weeks', () => {
	it('start on Monday', () => {
		expect(mondayOf('2026-01-05')).toBe('2026-01-05'); // a Monday
		expect(mondayOf('2026-01-11')).toBe('2026-01-05'); // its Sunday
		expect(mondayOf('2026-01-12')).toBe('2026-01-12');
	});

	it('belong to the year of their Thursday, across New Year', () => {
		expect(isoWeekOf('2026-01-01')).toBe('2026-W01'); // a Thursday
		expect(isoWeekOf('2025-12-29')).toBe('2026-W01'); // its Monday, still 2025 on the calendar
		expect(isoWeekOf('2027-01-01')).toBe('2026-W53'); // 2026 has 53 weeks
		expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
		expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
		expect(isoWeekOf('2026-06-15')).toBe('2026-W25');
	});

	it('turn back into their Monday, and refuse weeks a year does not have', () => {
		expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
		expect(mondayOfIsoWeek('2026-W25')).toBe('2026-06-15');
		expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
		expect(mondayOfIsoWeek('2025-W53')).toBeNull();
		expect(mondayOfIsoWeek('2026-W00')).toBeNull();
		expect(mondayOfIsoWeek('2026-06-15')).toBeNull();
		expect(mondayOfIsoWeek('2026-W5')).toBeNull();
	});

	it('list the Mondays of a range', () => {
		expect(mondaysBetween('2026-01-05', '2026-01-26')).toEqual([
			'2026-01-05',
			'2026-01-12',
			'2026-01-19',
			'2026-01-26'
		]);
		expect(mondaysBetween('2026-01-12', '2026-01-05')).toEqual([]);
	});
});
