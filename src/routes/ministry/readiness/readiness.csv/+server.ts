import { csvDownload } from '$lib/server/csv-download';
import { getSql } from '$lib/server/db/client';
import { readReadiness, readinessCsv } from '$lib/server/national-readiness/readiness';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import type { RequestHandler } from './$types';

/** Every active MPP's indicators, their points and its score. */
export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const rows = await orPageError(locale, () => readReadiness(getSql(), event.locals.actor));
	return csvDownload(readinessCsv(rows), 'antrean-kesiapan-mpp.csv');
};
