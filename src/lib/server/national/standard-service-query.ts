// The period of a standard service's national answers, in its page's address and in
// GET /api/v1/stats/standard-services/{code}: local dates, by default the 30 days up to yesterday
// (as /ministry), bounded like every statistics range so a bad link is a clear 400.
import { z } from 'zod';
import { addDays } from '../../domain/zoned-time';
import { MAX_RANGE_DAYS } from '../stats/query-schema';

const date = z.preprocess(
	(v) => (v === '' ? undefined : v),
	z.iso.date({ error: 'use a local date, YYYY-MM-DD' }).optional()
);

/** `today` is WIB's local date: yesterday there is a closed day for every MPP. */
export function standardServiceQuerySchema(today: string) {
	return z
		.object({ from: date, to: date })
		.transform(({ from, to }) => {
			const end = to ?? addDays(today, -1);
			return { from: from ?? addDays(end, -29), to: end };
		})
		.refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['from'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
			error: `at most ${MAX_RANGE_DAYS} days at once`,
			path: ['to']
		});
}
