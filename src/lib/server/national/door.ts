// The one flow behind GET /api/v1/stats/mpps and …/stats/national: check who asks (the ministry and the
// superadmin; DESIGN "Roles"), validate the query, answer JSON or, for `Accept: text/csv`, CSV.
import { localDate } from '../../domain/local-day';
import type { Actor } from '../auth/actor';
import { requireUser } from '../access';
import { getStatsSql } from '../db/client';
import { json, readQuery } from '../http';
import { freshnessHeaders, statsFreshness, type Freshness } from '../stats/freshness';
import { nationalCsv, rankingCsv } from './csv';
import { nationalQuerySchema } from './query-schema';
import { mppRanking } from './ranking';
import { nationalStats } from './stats';

interface NationalRequest {
	locals: { actor: Actor };
	url: URL;
	request: Request;
}

/** The defaults use WIB's today: the westernmost zone, so every MPP has reached that date. */
const latestZone = 'Asia/Jakarta';

export async function rankingResponse(event: NationalRequest): Promise<Response> {
	requireUser(event.locals.actor, ['ministry']);
	const now = new Date();
	const { from, to } = readQuery(event.url, nationalQuerySchema(localDate(now, latestZone)));
	// asked before the figures, so every change up to `dataAsOf` is in them
	const freshness = await statsFreshness(getStatsSql(), now);
	const rows = await mppRanking(getStatsSql(), { from, to, now });
	if (!wantsCsv(event.request))
		return json({ from, to, rows, dataAsOf: freshness.asOf }, 200, freshnessHeaders(freshness));
	return csvResponse(rankingCsv(rows), `antrean-mpps-${from}_${to}.csv`, freshness);
}

export async function nationalResponse(event: NationalRequest): Promise<Response> {
	requireUser(event.locals.actor, ['ministry']);
	const now = new Date();
	const query = readQuery(event.url, nationalQuerySchema(localDate(now, latestZone)));
	const freshness = await statsFreshness(getStatsSql(), now);
	const result = await nationalStats(getStatsSql(), { ...query, now });
	if (!wantsCsv(event.request))
		return json({ ...result, dataAsOf: freshness.asOf }, 200, freshnessHeaders(freshness));
	const filename = `antrean-national-${query.groupBy}-${query.from}_${query.to}.csv`;
	return csvResponse(nationalCsv(result), filename, freshness);
}

function csvResponse(body: string, filename: string, freshness: Freshness): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store',
			...freshnessHeaders(freshness)
		}
	});
}

function wantsCsv(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}
