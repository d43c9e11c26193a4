import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { getStatsSql } from '$lib/server/db/client';
import { listNationalMpps } from '$lib/server/db/national';
import { describeIssues } from '$lib/server/http';
import { weeklyReportSchema } from '$lib/server/national/weekly-query';
import { weeklyVisits } from '$lib/server/national/weekly-visits';
import { queryRecord } from '$lib/server/safe-keys';
import { pageFreshness } from '$lib/server/stats/freshness';
import { requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/report: the weekly visit report, for the ministry and the superadmin. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = weeklyReportSchema(now).safeParse(queryRecord(event.url.searchParams));
	if (!parsed.success) {
		const reason = describeIssues(parsed.error);
		error(400, { code: 'bad_query', message: t(locale, 'ministry.report.error.bad', { reason }) });
	}
	const query = parsed.data;
	const sql = getStatsSql();
	// asked before the figures, so every change up to its time is in them
	const freshness = await pageFreshness(sql, locale, now);
	const [report, mpps] = await Promise.all([weeklyVisits(sql, { ...query, now }), listNationalMpps(sql)]);
	const provinces = [...new Set(mpps.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'id'));
	return { freshness, query, report, provinces, printedAt: now.toISOString() };
};
