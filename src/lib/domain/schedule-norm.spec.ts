import { describe, expect, it } from 'vitest';
import { daysDiffering, dayText, nationalNorm, opensOnSaturday } from './schedule-norm';
import type { OpeningHours } from './types';

const week = (weekday: [string, string][], fri = weekday, sat: [string, string][] = []): OpeningHours => ({
	sun: [],
	mon: weekday,
	tue: weekday,
	wed: weekday,
	thu: weekday,
	fri,
	sat
});
const office = week(
	[['08:00', '16:00']],
	[
		['08:00', '11:30'],
		['13:00', '16:00']
	]
);
const withSaturday = week([['08:00', '16:00']], office.fri, [['08:00', '12:00']]);
const early = week([['07:30', '15:30']]);

describe('nationalNorm', () => {
	it('is the week most MPPs keep, whatever order they come in', () => {
		const norm = nationalNorm([withSaturday, office, early, office]);
		expect(norm).toEqual({ hours: office, keptBy: 2 });
		expect(nationalNorm([office, early, withSaturday, office])).toEqual(norm);
	});

	it('on a tie prefers the week open more days, then the earlier text', () => {
		expect(nationalNorm([office, withSaturday])!.hours).toEqual(withSaturday);
		expect(nationalNorm([office, early])!.hours).toEqual(early);
		expect(nationalNorm([])).toBeNull();
	});
});

describe('daysDiffering', () => {
	it('names the days, Monday first, on which an MPP keeps other hours than the norm', () => {
		expect(daysDiffering(office, office)).toEqual([]);
		expect(daysDiffering(withSaturday, office)).toEqual(['sat']);
		expect(daysDiffering(early, office)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
	});

	it('shows a day as text and knows Saturday service', () => {
		expect(dayText(office, 'fri')).toBe('08:00–11:30, 13:00–16:00');
		expect(dayText(office, 'sun')).toBe('');
		expect(opensOnSaturday(withSaturday)).toBe(true);
		expect(opensOnSaturday(office)).toBe(false);
	});
});
