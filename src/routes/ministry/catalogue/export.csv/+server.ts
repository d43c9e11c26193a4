import { getSql } from '$lib/server/db/client';
import { exportStandardServicesCsv } from '$lib/server/national-catalogue/csv';
import { orPageError } from '../../../admin/page-error.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const body = await orPageError(locals.locale, () => exportStandardServicesCsv(getSql(), locals.actor));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="antrean-katalog-layanan.csv"',
			'cache-control': 'no-store'
		}
	});
};
