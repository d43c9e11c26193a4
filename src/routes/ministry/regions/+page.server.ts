import { localDate } from '$lib/domain/local-day';
import { getStatsSql } from '$lib/server/db/client';
import { nationalStats } from '$lib/server/national/stats';
import { pageFreshness } from '$lib/server/stats/freshness';
import { badQuery, requireMinistry } from '../access.server';
import { parseMinistryQuery } from '../query.server';
import type { PageServerLoad } from './$types';

/** /ministry/regions: the period's figures summed by province and by time zone. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = parseMinistryQuery(event.url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok) badQuery(locale, parsed.reason);
	const { from, to } = parsed.query;
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [byProvince, byZone] = await Promise.all([
		nationalStats(sql, { from, to, groupBy: 'province', now }),
		nationalStats(sql, { from, to, groupBy: 'timezone', now })
	]);
	return { freshness, query: { from, to }, byProvince, byZone };
};
