import { localDate } from '$lib/domain/local-day';
import { getSql, getStatsSql } from '$lib/server/db/client';
import { offlineEdgesOf } from '$lib/server/edge/link-status';
import { mppRanking } from '$lib/server/national/ranking';
import { nationalStats } from '$lib/server/national/stats';
import { nationalToday } from '$lib/server/national/today';
import { pageFreshness } from '$lib/server/stats/freshness';
import type { PageServerLoad } from './$types';
import { badQuery, requireMinistry } from './access.server';
import { parseMinistryQuery } from './query.server';

/** /ministry: the ministry and the superadmin; national headline numbers and every MPP ranked. */
export const load: PageServerLoad = async (event) => {
	const { role, locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseMinistryQuery(event.url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { query } = parsed;
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [period, today, ranking, offlineEdges] = await Promise.all([
		nationalStats(sql, { from: query.from, to: query.to, groupBy: 'timezone', now }),
		// shared with the live pulse: at most a few seconds old, and the page's socket updates it
		nationalToday(sql),
		mppRanking(sql, { from: query.from, to: query.to, now }),
		// the primary: an edge's last contact is seconds old, a replica may lag behind it
		offlineEdgesOf(getSql(), null, now)
	]);
	const rows = ranking
		.filter(
			(r) =>
				(!query.province || r.province === query.province) &&
				(!query.zone || r.zone === query.zone) &&
				(!query.size || r.size === query.size)
		)
		.sort((a, b) => b.issued - a.issued);
	return {
		freshness,
		offlineEdges,
		query,
		period: period.total,
		today: today.total,
		provinces: [...new Set(ranking.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'id')),
		rows,
		// the ministry opens an MPP's dashboard read-only, aggregates only (issue 5)
		canOpenMpp: role === 'superadmin' || role === 'ministry'
	};
};
