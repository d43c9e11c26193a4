import { error, redirect } from '@sveltejs/kit';
import { localDate } from '$lib/domain/local-day';
import { t } from '$lib/i18n';
import { getStatsSql } from '$lib/server/db/client';
import { mppDistribution } from '$lib/server/stats/distribution';
import { pageFreshness } from '$lib/server/stats/freshness';
import { mppStats } from '$lib/server/stats/query';
import { openDashboard } from '../dashboard.server';
import type { PageServerLoad } from './$types';
import { parseHistoryQuery } from './query.server';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	const sql = getStatsSql();
	const now = new Date();
	// asked first: a replica that does not answer is a 503; and every change up to its time is in the figures
	const freshness = await pageFreshness(sql, locale, now);
	// the layout checks too, but a page load runs beside it, not after it: check here as well
	const mpp = await openDashboard(sql, actor, params.mpp, locale);
	const today = localDate(now, mpp.timezone);
	const parsed = parseHistoryQuery(url.searchParams, today);
	if (!parsed.ok) error(400, { code: 'bad_query', message: t(locale, `history.error.${parsed.field}`) });
	const { from, to, groupBy } = parsed.query;
	const stats = (by: typeof groupBy) => mppStats(sql, mpp, { from, to, groupBy: by }, now);
	const [grouped, byHour, byDay, distribution] = await Promise.all([
		stats(groupBy),
		stats('hour'),
		stats('day'),
		mppDistribution(sql, mpp, { from, to }, now)
	]);
	return { locale, mpp, today, query: parsed.query, freshness, grouped, byHour, byDay, distribution };
};
