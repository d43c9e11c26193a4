import { book } from '$lib/server/booking/book';
import { bookingFields } from '$lib/server/booking/schemas';
import { bookingClient } from '$lib/server/booking/staff';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { requireMppBySlug } from '$lib/server/mpps';

import type { RequestHandler } from './$types';

/**
 * A citizen (or another system on their behalf) books a window. No account; limits per phone and per
 * client, except that the MPP's signed-in staff booking for residents are not limited per client.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, event.params.slug);
	const input = await readJson(event.request, bookingFields);
	const { value, headers } = await idempotent(event, input, (idempotency) =>
		book(sql, {
			mpp,
			serviceId: input.serviceId,
			date: input.date,
			time: input.time,
			name: input.name,
			phone: input.phone ?? null,
			...bookingClient(event.locals.actor, mpp.id, event.getClientAddress()),
			idempotency
		})
	);
	return json(value.booking, 201, headers);
});
