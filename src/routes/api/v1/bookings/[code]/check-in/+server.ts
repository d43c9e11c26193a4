import { checkIn } from '$lib/server/booking/check-in';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { queueActorOf } from '$lib/server/queue-actor';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

/**
 * Check-in by code, within the MPP's window: from the citizen's phone (the code is the key) or from a
 * kiosk, which checks in only its own MPP's bookings. Answers with the ticket, as the kiosk does.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const sql = getSql();
	const { locals, params } = event;
	const mppId = locals.actor.kind === 'device' ? locals.actor.device.mppId : undefined;
	const { value, headers } = await idempotent(event, { code: params.code }, (idempotency) =>
		lookUpTrackCode(sql, event.getClientAddress(), () =>
			checkIn(sql, { code: params.code, mppId, actor: queueActorOf(locals.actor), idempotency })
		)
	);
	return json(
		{
			booking: value.booking,
			late: value.late,
			ticket: value.ticket,
			position: value.position,
			estimatedWaitMinutes: value.estimatedWaitMinutes
		},
		201,
		headers
	);
});
