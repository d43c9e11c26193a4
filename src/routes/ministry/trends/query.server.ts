// The address of /ministry/trends: a granularity (week or month, default month), an optional province
// and a stretch of local dates, by default the twelve months up to yesterday (the last one partial).
import { z } from 'zod';
import { addMonths, monthRange, trendGranularities, type TrendGranularity } from '$lib/domain/periods';
import { addDays } from '$lib/domain/zoned-time';
import { describeIssues } from '$lib/server/http';
import { queryRecord } from '$lib/server/safe-keys';
import { blank, withinRange } from '../query.server';

export interface TrendsQuery {
	from: string;
	to: string;
	granularity: TrendGranularity;
	province?: string;
}

const date = z.preprocess(blank, z.iso.date().optional());

/** `today` is WIB's local date: yesterday is closed for every MPP. */
export function parseTrendsQuery(
	params: URLSearchParams,
	today: string
): { ok: true; query: TrendsQuery } | { ok: false; reason: string } {
	const schema = withinRange(
		z
			.object({
				from: date,
				to: date,
				granularity: z.preprocess(blank, z.enum(trendGranularities).default('month')),
				province: z.preprocess(blank, z.string().max(100).optional())
			})
			.transform(({ from, to, ...rest }) => {
				const end = to ?? addDays(today, -1);
				return { from: from ?? monthRange(addMonths(end.slice(0, 7), -11)).from, to: end, ...rest };
			})
	);
	const parsed = schema.safeParse(queryRecord(params));
	return parsed.success
		? { ok: true, query: parsed.data }
		: { ok: false, reason: describeIssues(parsed.error) };
}
