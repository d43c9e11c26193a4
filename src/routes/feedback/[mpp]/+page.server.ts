import { error, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { setDeviceCookie } from '$lib/server/auth/cookies';
import { complaintHref } from '$lib/server/complaints/complaint-link';
import { getSql } from '$lib/server/db/client';
import { deniedCode } from '$lib/server/devices/screen-access';
import { isAppError } from '$lib/server/errors';
import { openFeedbackScreen, pairFeedback } from '$lib/server/survey/feedback-screen';
import type { PageServerLoad } from './$types';

/** The service's AppError as the page error the feedback +error page translates. */
function pageError(cause: unknown, code?: string): never {
	if (isAppError(cause)) error(cause.status, { message: cause.message, code: code ?? cause.code });
	throw cause;
}

export const load: PageServerLoad = async ({ params, url, locals, cookies }) => {
	const sql = getSql();
	const token = url.searchParams.get('device');
	if (token !== null) {
		// the pairing link: keep the token in the device cookie and take it out of the address bar
		await pairFeedback(sql, params.mpp, token).catch((e) => pageError(e, 'invalid_pairing_link'));
		setDeviceCookie(cookies, token, url);
		const clean = new URL(url);
		clean.searchParams.delete('device');
		redirect(303, clean.pathname + clean.search);
	}
	const screen = await openFeedbackScreen(sql, {
		slug: params.mpp,
		actor: locals.actor,
		counterParam: url.searchParams.get('counter')
	}).catch((e) => pageError(e, e?.status === 403 ? deniedCode(locals.revokedDevice) : undefined));
	// SP4N-LAPOR! as a QR for the citizen's own phone: the tablet never leaves its screen (issue 14)
	const href = complaintHref(screen.mpp.slug, 'survey');
	const qr = await QRCode.toString(new URL(href, url).href, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'L'
	});
	return { locale: locals.locale, ...screen, complaint: { href, mppName: screen.mpp.name, qr } };
};
