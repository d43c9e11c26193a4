import { complaintHref } from '$lib/server/complaints/complaint-link';
import { getSql } from '$lib/server/db/client';
import { TooManyRequests } from '$lib/server/errors';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { surveyStatus } from '$lib/server/survey/answer';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import { vapidKeys } from '$lib/server/notify/vapid-keys';
import { whatsAppOffer } from '$lib/server/notify/wa-me';
import { trackTicket } from '$lib/server/tracking';
import type { PageServerLoad } from './$types';

/** No login: the code printed on the slip is the key (DESIGN: anyone with the code). */
export const load: PageServerLoad = async ({ params, locals, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const sql = getSql();
	// an unknown code counts against the client (guessing): a 429 page past the limit
	const tracking = await lookUpTrackCode(sql, getClientAddress(), () =>
		trackTicket(sql, params.code, locals.locale)
	).catch((e) => {
		if (e instanceof TooManyRequests) setHeaders({ 'retry-after': String(e.retryAfterSeconds) });
		return rethrowAsPageError(e);
	});
	// a served ticket offers the survey once, until it closes (DOMAIN §1): known here so the page never
	// flashes the invitation
	const survey =
		tracking.status === 'done'
			? await surveyStatus(sql, params.code).catch((e) => rethrowAsPageError(e))
			: null;
	// the public VAPID key a browser subscribes with, while there is still something to be told
	const pushKey = tracking.status === 'waiting' ? (await vapidKeys(sql)).publicKey : null;
	// the MPP's WhatsApp, when it has one: the citizen writes first (issue 12)
	const whatsapp =
		tracking.status === 'waiting' ? await whatsAppOffer(sql, tracking.trackCode, locals.locale) : null;
	return {
		tracking,
		// SP4N-LAPOR! with this MPP named, counted once for this ticket (issue 14)
		complaint: {
			tracking: complaintHref(tracking.mppSlug, 'tracking', tracking.trackCode),
			survey: complaintHref(tracking.mppSlug, 'survey', tracking.trackCode)
		},
		pushKey,
		whatsapp,
		surveyAnswered: survey?.answered ?? false,
		surveyClosed: survey?.closed ?? false
	};
};
