// The query string of GET /api/v1/stats/mpps and …/stats/national: local dates, a bounded range and a
// known grouping, checked at the door so a bad link is a clear 400, never a 500 or a national scan.
import { z } from 'zod';
import { MAX_RANGE_DAYS } from '../stats/query-schema';
import { nationalGroupBys } from './stats';

const localDateParam = z.iso.date({ error: 'use a local date, YYYY-MM-DD' });

/** `today` is the local date the defaults fall back to (the latest zone's, so every MPP has reached it). */
export function nationalQuerySchema(today: string) {
	return z
		.object({
			from: localDateParam.optional(),
			to: localDateParam.optional(),
			groupBy: z.enum(nationalGroupBys).default('day')
		})
		.transform(({ from, to, groupBy }) => {
			const end = to ?? (from && from > today ? from : today);
			return { from: from ?? end, to: end, groupBy };
		})
		.refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['from'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
			error: `at most ${MAX_RANGE_DAYS} days at once`,
			path: ['to']
		});
}
