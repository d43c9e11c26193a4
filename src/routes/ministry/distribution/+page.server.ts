import { localDate } from '$lib/domain/local-day';
import { getStatsSql } from '$lib/server/db/client';
import { listNationalMpps } from '$lib/server/db/national';
import { nationalDistribution } from '$lib/server/national/distribution';
import { pageFreshness } from '$lib/server/stats/freshness';
import { badQuery, requireMinistry } from '../access.server';
import { parseMinistryQuery } from '../query.server';
import type { PageServerLoad } from './$types';

/** /ministry/distribution: how the MPPs' average waits and IKMs spread, and the outliers named. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseMinistryQuery(event.url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { from, to, ...filter } = parsed.query;
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [distribution, mpps] = await Promise.all([
		nationalDistribution(sql, { from, to, now, filter }),
		listNationalMpps(sql)
	]);
	return {
		freshness,
		query: parsed.query,
		distribution,
		provinces: [...new Set(mpps.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'id'))
	};
};
