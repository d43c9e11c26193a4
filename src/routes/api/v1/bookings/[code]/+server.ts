import { cancelBooking, getBooking } from '$lib/server/booking/manage';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/** A booking, for anyone holding its code; unknown codes count as guesses (429 past the limit). */
export const GET: RequestHandler = apiHandler(async ({ params, getClientAddress }) => {
	const sql = getSql();
	return json(await lookUpTrackCode(sql, getClientAddress(), () => getBooking(sql, params.code)));
});

/** Cancels by code; the place is free for the next person at once. Cancelling twice is harmless. */
export const DELETE: RequestHandler = apiHandler(async ({ params, getClientAddress }) => {
	const sql = getSql();
	return json(await lookUpTrackCode(sql, getClientAddress(), () => cancelBooking(sql, params.code)));
});
