import { templateCsv } from '$lib/server/admin/bulk';
import { orPageError } from '../../../page-error.server';
import { mppIdOf } from '../../mpp.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	await orPageError(locals.locale, () => mppIdOf(params.mpp, locals.actor));
	return csv(templateCsv(), `antrean-templat-${params.mpp}.csv`);
};

function csv(body: string, name: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
}
