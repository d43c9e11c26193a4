import { error, fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { checkIn } from '$lib/server/booking/check-in';
import { cancelBooking, getBooking } from '$lib/server/booking/manage';
import { getSql } from '$lib/server/db/client';
import { isAppError, TooManyRequests } from '$lib/server/errors';
import { vapidKeys } from '$lib/server/notify/vapid-keys';
import { waMeUrl } from '$lib/server/notify/wa-me';
import { findBusinessNumberBySlug } from '$lib/server/db/whatsapp';
import { formatBookingCode } from '$lib/server/booking/code';
import { bookingQrText } from '$lib/server/booking/signed-qr';
import { rethrowAsPageError } from '$lib/server/kiosk/page-error';
import { queueActorOf } from '$lib/server/queue-actor';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { Actions, PageServerLoad } from './$types';

/** No login: the booking code is the key, as the track code is for a ticket. */
export const load: PageServerLoad = async ({ params, locals, setHeaders, getClientAddress }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const sql = getSql();
	const booking = await lookUpTrackCode(sql, getClientAddress(), () => getBooking(sql, params.code)).catch(
		(e) => {
			if (e instanceof TooManyRequests) setHeaders({ 'retry-after': String(e.retryAfterSeconds) });
			return rethrowAsPageError(e);
		}
	);
	if (booking.mpp.slug !== params.mpp)
		error(404, { code: 'booking_not_found', message: 'Kode pemesanan tidak ditemukan.' });
	// the QR carries the booking signed by the centre (an edge checks it in without its link); a kiosk's
	// scanner types it into the check-in field like a code
	const qrText = (await bookingQrText(sql, booking.code)) ?? booking.code;
	const qr = await QRCode.toString(qrText, { type: 'svg', margin: 1, errorCorrectionLevel: 'L' });
	// the reminder's key only while there is something to remind of
	const pushKey = booking.status === 'booked' ? (await vapidKeys(sql)).publicKey : null;
	// citizen first: a message naming the code links the number; after check-in it follows the ticket
	const businessNumber = booking.status === 'booked' ? await findBusinessNumberBySlug(sql, params.mpp) : null;
	const whatsapp = businessNumber
		? waMeUrl(businessNumber, formatBookingCode(booking.code), locals.locale)
		: null;
	return { locale: locals.locale, booking, qr, pushKey, whatsapp };
};

export const actions: Actions = {
	cancel: async ({ params }) => {
		try {
			await cancelBooking(getSql(), params.code);
		} catch (e) {
			if (!isAppError(e)) throw e;
			return fail(e.status, { refusal: e.code });
		}
		redirect(303, `/book/${params.mpp}/${params.code}`);
	},
	checkIn: async ({ params, locals }) => {
		try {
			await checkIn(getSql(), { code: params.code, actor: queueActorOf(locals.actor) });
		} catch (e) {
			if (!isAppError(e)) throw e;
			return fail(e.status, { refusal: e.code });
		}
		redirect(303, `/book/${params.mpp}/${params.code}`);
	}
};
