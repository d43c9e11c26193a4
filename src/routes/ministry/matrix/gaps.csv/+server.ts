import { csvDownload } from '$lib/server/csv-download';
import { getStatsSql } from '$lib/server/db/client';
import { gapsCsv, readServiceMatrix } from '$lib/server/national-catalogue/matrix';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import type { RequestHandler } from './$types';

/** Per province, each MoU service some of its MPPs lack, and how many. */
export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const matrix = await orPageError(locale, () => readServiceMatrix(getStatsSql(), event.locals.actor));
	return csvDownload(gapsCsv(matrix), 'antrean-kesenjangan-layanan-per-provinsi.csv');
};
