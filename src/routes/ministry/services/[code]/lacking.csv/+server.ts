import { csvDownload } from '$lib/server/csv-download';
import { getStatsSql } from '$lib/server/db/client';
import { mppsLacking, mppsLackingCsv } from '$lib/server/national-catalogue/coverage';
import { orPageError } from '../../../../admin/page-error.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { standard, mpps } = await orPageError(locals.locale, () =>
		mppsLacking(getStatsSql(), locals.actor, params.code)
	);
	return csvDownload(mppsLackingCsv(standard, mpps), `antrean-tanpa-${standard.code.toLowerCase()}.csv`);
};
