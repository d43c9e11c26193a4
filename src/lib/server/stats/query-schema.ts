// The query string of GET /api/v1/mpps/{slug}/stats (and .csv): MPP-local dates, a bounded range and
// a known grouping, checked at the door so a bad link is a clear 400, never a 500 or a year-long scan.
import { z } from 'zod';
import { statsGroupBys, type StatsQuery } from './query';

/** A year and a leap day: "the last 12 months" always fits, anything bigger is a mistake. */
export const MAX_RANGE_DAYS = 366;

const localDateParam = z.iso.date({ error: 'use an MPP-local date, YYYY-MM-DD' });

/** `today` is the MPP-local date the defaults fall back to. */
export function statsQuerySchema(today: string) {
	return z
		.object({
			from: localDateParam.optional(),
			to: localDateParam.optional(),
			groupBy: z.enum(statsGroupBys).default('service')
		})
		.transform(({ from, to, groupBy }): StatsQuery => {
			const end = to ?? (from && from > today ? from : today);
			return { from: from ?? end, to: end, groupBy };
		})
		.refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['from'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
			error: `at most ${MAX_RANGE_DAYS} days at once`,
			path: ['to']
		});
}
