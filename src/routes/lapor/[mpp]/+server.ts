import { redirect } from '@sveltejs/kit';
import { followComplaintLink } from '$lib/server/complaints/complaint-link';
import { getSql } from '$lib/server/db/client';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import type { RequestHandler } from './$types';

/** /lapor/<mpp>?from=tracking|survey[&t=<track code>]: counts the visit, then on to SP4N-LAPOR!. */
export const GET: RequestHandler = async ({ params, url, getClientAddress, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const target = await followComplaintLink(getSql(), {
		slug: params.mpp,
		from: url.searchParams.get('from'),
		trackCode: url.searchParams.get('t'),
		clientAddress: getClientAddress()
	}).catch((e) => rethrowAsPageError(e));
	redirect(303, target);
};
