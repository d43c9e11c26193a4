import { localDate } from '$lib/domain/local-day';
import { getStatsSql } from '$lib/server/db/client';
import { listNationalMpps } from '$lib/server/db/national';
import { nationalTrends } from '$lib/server/national/trends';
import { pageFreshness } from '$lib/server/stats/freshness';
import { badQuery, requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';
import { parseTrendsQuery } from './query.server';

/** /ministry/trends: national or one province's figures per week or month. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseTrendsQuery(event.url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [trends, mpps] = await Promise.all([
		nationalTrends(sql, { ...parsed.query, now }),
		listNationalMpps(sql)
	]);
	return {
		freshness,
		query: parsed.query,
		trends,
		provinces: [...new Set(mpps.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'id'))
	};
};
