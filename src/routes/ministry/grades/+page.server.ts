import { localDate } from '$lib/domain/local-day';
import { monthRange } from '$lib/domain/periods';
import { getStatsSql } from '$lib/server/db/client';
import { listNationalMpps } from '$lib/server/db/national';
import { gradeChanges } from '$lib/server/national/grade-changes';
import { pageFreshness } from '$lib/server/stats/freshness';
import { badQuery, requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';
import { parseGradesQuery } from './query.server';

/** /ministry/grades: the MPPs whose IKM grade changed from one month to another. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseGradesQuery(event.url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { after, before, province } = parsed.query;
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [result, mpps] = await Promise.all([
		gradeChanges(sql, {
			before: monthRange(before),
			after: monthRange(after),
			now,
			filter: province ? { province } : undefined
		}),
		listNationalMpps(sql)
	]);
	return {
		freshness,
		query: parsed.query,
		result,
		provinces: [...new Set(mpps.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'id'))
	};
};
