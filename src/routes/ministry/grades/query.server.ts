// The address of /ministry/grades: two months of local dates, by default last month (WIB's calendar)
// against the month before, and an optional province.
import { z } from 'zod';
import { addMonths } from '$lib/domain/periods';
import { describeIssues } from '$lib/server/http';
import { queryRecord } from '$lib/server/safe-keys';
import { blank } from '../query.server';

export interface GradesQuery {
	/** 'YYYY-MM' */
	after: string;
	before: string;
	province?: string;
}

const month = z.preprocess(
	blank,
	z
		.string()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'use a month, YYYY-MM' })
		.optional()
);

export function parseGradesQuery(
	params: URLSearchParams,
	today: string
): { ok: true; query: GradesQuery } | { ok: false; reason: string } {
	const schema = z
		.object({ after: month, before: month, province: z.preprocess(blank, z.string().max(100).optional()) })
		.transform(({ after, before, province }) => {
			const later = after ?? addMonths(today.slice(0, 7), -1);
			return { after: later, before: before ?? addMonths(later, -1), province };
		})
		.refine((q) => q.before !== q.after, { error: 'choose two different months', path: ['before'] });
	const parsed = schema.safeParse(queryRecord(params));
	return parsed.success
		? { ok: true, query: parsed.data }
		: { ok: false, reason: describeIssues(parsed.error) };
}
