import { describe, expect, it } from 'vitest';
import { surveyClosesAt, surveyIsClosed } from './survey-window';

describe('the survey closes at the end of the next MPP-local day', () => {
	it.each([
		// finished 23:30 local on 3 March: open through 4 March local, closed from 5 March 00:00 local
		['Asia/Jakarta', '2026-03-03T16:30:00Z', '2026-03-04T17:00:00.000Z'],
		['Asia/Makassar', '2026-03-03T15:30:00Z', '2026-03-04T16:00:00.000Z'],
		['Asia/Jayapura', '2026-03-03T14:30:00Z', '2026-03-04T15:00:00.000Z'],
		// finished 00:10 local on 4 March (still 3 March in UTC): closes at 6 March 00:00 local
		['Asia/Jayapura', '2026-03-03T15:10:00Z', '2026-03-05T15:00:00.000Z']
	])('in %s, finished %s closes %s', (zone, finished, closes) => {
		expect(surveyClosesAt(new Date(finished), zone).toISOString()).toBe(closes);
		const closesAt = new Date(closes);
		expect(surveyIsClosed(new Date(finished), zone, new Date(closesAt.getTime() - 1))).toBe(false);
		expect(surveyIsClosed(new Date(finished), zone, closesAt)).toBe(true);
	});
});
