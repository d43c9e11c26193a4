// The address of /ministry (and of its distribution and regions pages): a period of local dates
// (default the 30 days up to yesterday) and the filters. Empty form fields mean "all".
import { z } from 'zod';
import { mppSizes, type MppSize } from '$lib/domain/mpp-size';
import { addDays } from '$lib/domain/zoned-time';
import { describeIssues } from '$lib/server/http';
import { MAX_RANGE_DAYS } from '$lib/server/stats/query-schema';
import { queryRecord } from '$lib/server/safe-keys';

import { zones } from './zones';

export { zones };

export const blank = (v: unknown) => (v === '' ? undefined : v);
const date = z.preprocess(blank, z.iso.date().optional());

export interface MinistryQuery {
	from: string;
	to: string;
	province?: string;
	zone?: (typeof zones)[number];
	/** tickets per open day in the period (domain/mpp-size.ts) */
	size?: MppSize;
}

/** from ≤ to, and a range the statistics read at once. */
export const withinRange = <T extends { from: string; to: string }>(schema: z.ZodType<T>) =>
	schema
		.refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['from'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_RANGE_DAYS, {
			error: `at most ${MAX_RANGE_DAYS} days at once`,
			path: ['to']
		});

/** `today` is WIB's local date: yesterday there is a closed day for every MPP. */
export function parseMinistryQuery(
	params: URLSearchParams,
	today: string
): { ok: true; query: MinistryQuery } | { ok: false; reason: string } {
	const schema = withinRange(
		z
			.object({
				from: date,
				to: date,
				province: z.preprocess(blank, z.string().max(100).optional()),
				zone: z.preprocess(blank, z.enum(zones).optional()),
				size: z.preprocess(blank, z.enum(mppSizes).optional())
			})
			.transform(({ from, to, ...filters }) => {
				const end = to ?? addDays(today, -1);
				return { from: from ?? addDays(end, -29), to: end, ...filters };
			})
	);
	const parsed = schema.safeParse(queryRecord(params));
	return parsed.success
		? { ok: true, query: parsed.data }
		: { ok: false, reason: describeIssues(parsed.error) };
}
