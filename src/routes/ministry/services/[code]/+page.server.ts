import { localDate } from '$lib/domain/local-day';
import { describeIssues } from '$lib/server/http';
import { getStatsSql } from '$lib/server/db/client';
import { mppsLacking } from '$lib/server/national-catalogue/coverage';
import { standardServiceStats } from '$lib/server/national/standard-service';
import { standardServiceQuerySchema } from '$lib/server/national/standard-service-query';
import { pageFreshness } from '$lib/server/stats/freshness';
import { queryRecord } from '$lib/server/safe-keys';
import { orPageError } from '../../../admin/page-error.server';
import { badQuery, requireMinistry } from '../../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/services/<code>: one standard service across MPPs over a period, and the MPPs lacking it. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const parsed = standardServiceQuerySchema(localDate(now, 'Asia/Jakarta')).safeParse(
		queryRecord(event.url.searchParams)
	);
	if (!parsed.success) badQuery(locale, describeIssues(parsed.error));
	const sql = getStatsSql();
	const freshness = await pageFreshness(sql, locale, now);
	const { actor } = event.locals;
	const code = event.params.code;
	const [{ mpps: lacking }, result] = await orPageError(locale, () =>
		Promise.all([
			mppsLacking(sql, actor, code),
			standardServiceStats(sql, actor, { code, ...parsed.data, now })
		])
	);
	return { standard: result.standard, lacking, result, query: parsed.data, freshness };
};
