import { getSql } from '$lib/server/db/client';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { surveyStatus } from '$lib/server/survey/answer';
import { trackTicket } from '$lib/server/tracking';
import type { PageServerLoad } from './$types';

/** No login: the code printed on the slip is the key (DESIGN: anyone with the code). */
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const sql = getSql();
	const tracking = await trackTicket(sql, params.code, locals.locale).catch((e) => rethrowAsPageError(e));
	// a served ticket offers the survey once (DOMAIN §1): known here so the page never flashes the invitation
	const surveyAnswered =
		tracking.status === 'done'
			? (await surveyStatus(sql, params.code).catch((e) => rethrowAsPageError(e))).answered
			: false;
	return { tracking, surveyAnswered };
};
