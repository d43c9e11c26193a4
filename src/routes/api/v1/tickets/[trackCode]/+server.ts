import { getSql } from '$lib/server/db/client';
import { notFound } from '$lib/server/errors';
import { apiHandler, json } from '$lib/server/http';
import { getTicketByTrackCode } from '$lib/server/queue';
import { lookUpTrackCode } from '$lib/server/throttle/guesses';
import type { RequestHandler } from './$types';

const trackCodePattern = /^[a-z0-9]{6,32}$/i;

/** The citizen's view of their ticket, for anyone holding the code printed on the slip. */
export const GET: RequestHandler = apiHandler(async ({ params, getClientAddress }) => {
	// an unknown code counts against the client (guessing): 429 with Retry-After past the limit
	const found = await lookUpTrackCode(getSql(), getClientAddress(), async () => {
		const found = trackCodePattern.test(params.trackCode)
			? await getTicketByTrackCode(getSql(), params.trackCode)
			: undefined;
		if (!found) throw notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');
		return found;
	});
	const { ticket } = found;
	return json({
		number: ticket.number,
		serviceId: ticket.serviceId,
		serviceName: ticket.serviceName,
		status: ticket.status,
		issuedAt: ticket.issuedAt,
		calledAt: ticket.calledAt,
		counterName: ticket.counterName,
		position: found.position,
		estimatedWaitMinutes: found.estimatedWaitMinutes
	});
});
