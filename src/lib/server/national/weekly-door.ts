// The one flow behind GET /api/v1/stats/weekly-visits and /ministry/report.csv: check who asks (the
// ministry and the superadmin; DESIGN "Roles"), validate the weeks and filters, answer JSON or CSV.
import type { Actor } from '../auth/actor';
import { requireUser } from '../access';
import { getStatsSql } from '../db/client';
import { json, readQuery } from '../http';
import { freshnessHeaders, statsFreshness } from '../stats/freshness';
import { weeklyVisitsCsv, weeklyVisitsCsvFilename } from './weekly-csv';
import { weeklyReportSchema } from './weekly-query';
import { weeklyVisits } from './weekly-visits';

interface WeeklyRequest {
	locals: { actor: Actor };
	url: URL;
	request: Request;
}

export async function weeklyVisitsResponse(
	event: WeeklyRequest,
	format: 'csv' | 'negotiate'
): Promise<Response> {
	requireUser(event.locals.actor, ['ministry']);
	const now = new Date();
	const query = readQuery(event.url, weeklyReportSchema(now));
	// asked before the figures, so every change up to `dataAsOf` is in them
	const freshness = await statsFreshness(getStatsSql(), now);
	const report = await weeklyVisits(getStatsSql(), { ...query, now });
	const csv = format === 'csv' || wantsCsv(event.request);
	if (!csv) {
		const body = { fromWeek: query.fromWeek, toWeek: query.toWeek, filter: query.filter, ...report };
		return json({ ...body, dataAsOf: freshness.asOf }, 200, freshnessHeaders(freshness));
	}
	return new Response(weeklyVisitsCsv(report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${weeklyVisitsCsvFilename(report, query.filter)}"`,
			'cache-control': 'no-store',
			...freshnessHeaders(freshness)
		}
	});
}

function wantsCsv(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}
