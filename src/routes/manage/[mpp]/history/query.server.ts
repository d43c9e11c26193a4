// The History tab's query string (from, to, groupBy), validated at the door like the stats API's, so a
// hand-edited link is a clear 400 that names the field, never a 500.
import { z } from 'zod';
import { addDays } from '$lib/domain/zoned-time';
import { statsGroupBys, type StatsGroupBy } from '$lib/server/stats/query';
import { MAX_RANGE_DAYS } from '$lib/server/stats/query-schema';
import { queryRecord } from '$lib/server/safe-keys';
import { presetRange } from './presets';

export interface HistoryQuery {
	/** MPP-local dates, inclusive */
	from: string;
	to: string;
	groupBy: StatsGroupBy;
}

const date = z.iso.date();

/** Empty fields (a GET form submitted with a blank date) count as absent. */
const blankAsAbsent = (value: unknown) => (value === '' ? undefined : value);

export function historyQuerySchema(today: string) {
	const fallback = presetRange('30d', today);
	return z
		.object({
			from: z.preprocess(blankAsAbsent, date.optional()),
			to: z.preprocess(blankAsAbsent, date.optional()),
			groupBy: z.preprocess(blankAsAbsent, z.enum(statsGroupBys).default('tenant'))
		})
		.transform(({ from, to, groupBy }): HistoryQuery => {
			if (!from && !to) return { ...fallback, groupBy };
			const end = to ?? (from! > today ? from! : today);
			return { from: from ?? addDays(end, -29), to: end, groupBy };
		})
		.refine((q) => q.from <= q.to, { path: ['from'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, { path: ['to'] });
}

/** Which field of the query a failure is about, so the 400 page can say it in the reader's language. */
export function parseHistoryQuery(
	params: URLSearchParams,
	today: string
): { ok: true; query: HistoryQuery } | { ok: false; field: 'dates' | 'groupBy' } {
	const result = historyQuerySchema(today).safeParse(queryRecord(params));
	if (result.success) return { ok: true, query: result.data };
	const field = result.error.issues.some((i) => i.path[0] === 'groupBy') ? 'groupBy' : 'dates';
	return { ok: false, field };
}
