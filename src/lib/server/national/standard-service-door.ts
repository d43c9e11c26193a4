// GET /api/v1/stats/standard-services/{code} and the page's CSV: who asks first (the ministry and the
// superadmin), then the period, then JSON, or CSV for `Accept: text/csv` (the CSV route always).
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import { requireUser } from '../access';
import { getStatsSql } from '../db/client';
import { json, readQuery } from '../http';
import { freshnessHeaders, statsFreshness } from '../stats/freshness';
import { standardServiceStats } from './standard-service';
import { standardServiceCsv } from './standard-service-csv';
import { standardServiceQuerySchema } from './standard-service-query';

interface Request {
	locals: { actor: Actor };
	url: URL;
	request: globalThis.Request;
}

export async function standardServiceResponse(
	event: Request,
	code: string,
	format: 'negotiate' | 'csv' = 'negotiate'
): Promise<Response> {
	requireUser(event.locals.actor, ['ministry']);
	const now = new Date();
	const { from, to } = readQuery(event.url, standardServiceQuerySchema(localDate(now, 'Asia/Jakarta')));
	// asked before the figures, so every change up to `dataAsOf` is in them
	const freshness = await statsFreshness(getStatsSql(), now);
	const result = await standardServiceStats(getStatsSql(), event.locals.actor, { code, from, to, now });
	const accept = event.request.headers.get('accept') ?? '';
	const csv = format === 'csv' || (/\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept));
	if (!csv) return json({ ...result, dataAsOf: freshness.asOf }, 200, freshnessHeaders(freshness));
	return new Response(standardServiceCsv(result), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="antrean-${result.standard.code.toLowerCase()}-${from}_${to}.csv"`,
			'cache-control': 'no-store',
			...freshnessHeaders(freshness)
		}
	});
}
