import { error, redirect } from '@sveltejs/kit';
import { localDate } from '$lib/domain/local-day';
import { t } from '$lib/i18n';
import { getStatsSql } from '$lib/server/db/client';
import { listExpiredDays } from '$lib/server/db/expiry';
import { pageFreshness } from '$lib/server/stats/freshness';
import { mppStats } from '$lib/server/stats/query';
import { openDashboard } from '../dashboard.server';
import type { PageServerLoad } from './$types';
import { busiestDays, reportMonth, shiftMonth, visitsByWeek } from './month';

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
	const period = reportMonth(url.searchParams.get('month'), today);
	if (!period) error(400, { code: 'bad_query', message: t(locale, 'history.error.month') });
	const range = { from: period.from, to: period.to };
	const [byTenant, byDay, expired] = await Promise.all([
		mppStats(sql, mpp, { ...range, groupBy: 'tenant' }, now),
		mppStats(sql, mpp, { ...range, groupBy: 'day' }, now),
		// tickets still open when their day ended (issue 10 item 5), apart from no-shows
		listExpiredDays(sql, mpp.id, range.from, range.to)
	]);
	return {
		locale,
		mpp,
		period,
		previous: shiftMonth(period.month, -1),
		next: period.inProgress ? null : shiftMonth(period.month, 1),
		currentMonth: today.slice(0, 7),
		printedAt: now.toISOString(),
		freshness,
		total: byTenant.total,
		tenants: byTenant.rows,
		weeks: visitsByWeek(range, byDay.rows),
		busiest: busiestDays(byDay.rows, 5),
		expired
	};
};
