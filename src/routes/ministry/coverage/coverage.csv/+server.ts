import { csvDownload } from '$lib/server/csv-download';
import { getSql } from '$lib/server/db/client';
import { coverageCsv, readCoverage } from '$lib/server/national-coverage/coverage';
import { orPageError } from '../../../admin/page-error.server';
import { badQuery, requireMinistry } from '../../access.server';
import { parseCoverageQuery } from '../query.server';
import type { RequestHandler } from './$types';

/** Every regency and city with its status, each province and the nation against the year's target. */
export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const query = parseCoverageQuery(event.url.searchParams);
	if (!query.ok) badQuery(locale, query.reason);
	const report = await orPageError(locale, () => readCoverage(getSql(), event.locals.actor, query.year));
	return csvDownload(coverageCsv(report), `antrean-cakupan-mpp-${report.year}.csv`);
};
