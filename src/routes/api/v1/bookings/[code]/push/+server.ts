import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { pushSubscriptionSchema, subscribeToBooking } from '$lib/server/notify/push-subscriptions';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/** The booking page's browser asks for a reminder before the window (issue 12): 201, 404, 409 or 429. */
export const POST: RequestHandler = apiHandler(async ({ params, request, getClientAddress }) => {
	const body = await readJson(request, pushSubscriptionSchema);
	// an unknown code counts against the client (guessing), as for tickets
	await lookUpTrackCode(getSql(), getClientAddress(), () => subscribeToBooking(getSql(), params.code, body));
	return json({ subscribed: true }, 201);
});
