import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { getBooking } from '$lib/server/booking/manage';
import { bookingCalendar } from '$lib/server/booking/calendar-file';
import { getSql } from '$lib/server/db/client';
import { findMppBySlug } from '$lib/server/db/mpps';
import { isAppError } from '$lib/server/errors';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/** The booked window as an iCalendar event in the MPP's own zone, for the citizen's calendar app. */
export const GET: RequestHandler = async ({ params, locals, getClientAddress }) => {
	const sql = getSql();
	const booking = await lookUpTrackCode(sql, getClientAddress(), () => getBooking(sql, params.code)).catch(
		(e: unknown) => {
			if (isAppError(e)) error(e.status, { code: e.code, message: e.message });
			throw e;
		}
	);
	const mpp = await findMppBySlug(sql, params.mpp);
	if (!mpp || booking.mpp.slug !== mpp.slug)
		error(404, { code: 'booking_not_found', message: 'Kode pemesanan tidak ditemukan.' });
	const text = bookingCalendar(booking, {
		summary: t(locals.locale, 'book.calendar.summary', {
			service: booking.service.name,
			mpp: booking.mpp.name
		}),
		description: t(locals.locale, 'book.calendar.description', {
			code: booking.code,
			minutes: mpp.checkinBeforeMinutes
		})
	});
	return new Response(text, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="antrean-${booking.code}.ics"`,
			'cache-control': 'no-store'
		}
	});
};
