import { csvDownload } from '$lib/server/csv-download';
import { getStatsSql } from '$lib/server/db/client';
import { matrixCsv, readServiceMatrix } from '$lib/server/national-catalogue/matrix';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import type { RequestHandler } from './$types';

/** Every active MPP against every active standard service, with its MoU share. */
export const GET: RequestHandler = async (event) => {
	const { locale } = requireMinistry(event);
	const matrix = await orPageError(locale, () => readServiceMatrix(getStatsSql(), event.locals.actor));
	return csvDownload(matrixCsv(matrix), 'antrean-matriks-layanan.csv');
};
