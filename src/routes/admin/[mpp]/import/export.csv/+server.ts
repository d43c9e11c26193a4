import { exportCsv } from '$lib/server/admin/bulk';
import { getSql } from '$lib/server/db/client';
import { orPageError } from '../../../page-error.server';
import { mppIdOf } from '../../mpp.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const mppId = await orPageError(locals.locale, () => mppIdOf(params.mpp, locals.actor));
	const body = await exportCsv(getSql(), locals.actor, mppId);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="antrean-${params.mpp}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
