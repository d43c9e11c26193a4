import { error, redirect } from '@sveltejs/kit';
import { localDate } from '$lib/domain/local-day';
import { t } from '$lib/i18n';
import { getSql } from '$lib/server/db/client';
import { mppRanking } from '$lib/server/national/ranking';
import { nationalStats } from '$lib/server/national/stats';
import type { PageServerLoad } from './$types';
import { parseMinistryQuery } from './query.server';

/** /ministry: the ministry and the superadmin; national headline numbers and every MPP ranked. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	const role = actor.kind === 'user' ? actor.user.role : null;
	if (role !== 'ministry' && role !== 'superadmin')
		error(403, { code: 'forbidden', message: t(locale, 'ministry.error.forbidden') });
	const now = new Date();
	const parsed = parseMinistryQuery(url.searchParams, localDate(now, 'Asia/Jakarta'));
	if (!parsed.ok)
		error(400, { code: 'bad_query', message: t(locale, 'ministry.error.bad', { reason: parsed.reason }) });
	const { query } = parsed;
	const sql = getSql();
	const [period, today, ranking] = await Promise.all([
		nationalStats(sql, { from: query.from, to: query.to, groupBy: 'timezone', now }),
		nationalStats(sql, { today: true, groupBy: 'timezone', now }),
		mppRanking(sql, { from: query.from, to: query.to, now })
	]);
	const rows = ranking
		.filter(
			(r) => (!query.province || r.province === query.province) && (!query.zone || r.zone === query.zone)
		)
		.sort((a, b) => b.issued - a.issued);
	return {
		query,
		period: period.total,
		today: today.total,
		provinces: [...new Set(ranking.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'id')),
		rows,
		// only the superadmin may open an MPP's dashboard today (the ministry is refused by /manage)
		canOpenMpp: role === 'superadmin'
	};
};
