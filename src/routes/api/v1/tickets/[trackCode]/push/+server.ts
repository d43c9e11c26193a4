import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { pushSubscriptionSchema, subscribeToTicket } from '$lib/server/notify/push-subscriptions';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/** The tracking page's browser subscribes to pushes for this ticket (issue 12): 201, 404, 409 or 429. */
export const POST: RequestHandler = apiHandler(async ({ params, request, getClientAddress }) => {
	const body = await readJson(request, pushSubscriptionSchema);
	// an unknown code counts against the client (guessing): 429 with Retry-After past the limit
	await lookUpTrackCode(getSql(), getClientAddress(), () =>
		subscribeToTicket(getSql(), params.trackCode, body)
	);
	return json({ subscribed: true }, 201);
});
