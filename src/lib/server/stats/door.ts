// The one flow behind GET …/stats, …/stats.csv and …/stats/live, so the routes stay one line each:
// find the MPP, check who asks, validate the query, answer JSON or CSV.
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import { getStatsPrimarySql, getStatsSql } from '../db/client';
import { json, readQuery } from '../http';
import { requireMppBySlug } from '../mpps';
import { requireStatsAccess } from './access';
import { statsCsv, statsCsvFilename } from './csv';
import { freshnessHeaders, statsFreshness } from './freshness';
import { liveStats } from './live';
import { mppStats } from './query';
import { statsQuerySchema } from './query-schema';

interface StatsRequest {
	locals: { actor: Actor };
	params: { slug: string };
	url: URL;
	request: Request;
}

export async function statsResponse(
	event: StatsRequest,
	format: 'json' | 'csv' | 'negotiate'
): Promise<Response> {
	const sql = getStatsSql();
	const now = new Date();
	// asked first: a replica that does not answer is a 503; and every change up to `dataAsOf` is in the figures
	const freshness = await statsFreshness(sql, now);
	const mpp = await requireMppBySlug(sql, event.params.slug);
	requireStatsAccess(event.locals.actor, mpp.id);
	const query = readQuery(event.url, statsQuerySchema(localDate(now, mpp.timezone)));
	const result = await mppStats(sql, mpp, query, now);
	const csv = format === 'csv' || (format === 'negotiate' && wantsCsv(event.request));
	if (!csv) return json({ ...result, dataAsOf: freshness.asOf }, 200, freshnessHeaders(freshness));
	return new Response(statsCsv(result), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${statsCsvFilename(mpp.slug, result)}"`,
			'cache-control': 'no-store',
			...freshnessHeaders(freshness)
		}
	});
}

export async function liveStatsResponse(event: StatsRequest): Promise<Response> {
	// the floor now: from the primary, never a replica that may lag (issue 11)
	const sql = getStatsPrimarySql();
	const mpp = await requireMppBySlug(sql, event.params.slug);
	const { aggregatesOnly } = requireStatsAccess(event.locals.actor, mpp.id);
	return json(await liveStats(sql, mpp, { aggregatesOnly }));
}

function wantsCsv(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}
