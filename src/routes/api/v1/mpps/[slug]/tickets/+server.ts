import { z } from 'zod';
import { priorityGroups } from '$lib/domain/types';
import { mppStaffRoles, requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { requireMppBySlug } from '$lib/server/mpps';
import { issueTicket } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import type { RequestHandler } from './$types';

const body = z.strictObject({
	serviceId: z.uuid(),
	priorityGroup: z.enum(priorityGroups).nullish()
});

/** A kiosk (or a staff member at the desk) takes a ticket for a citizen. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { locals, params, request } = event;
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: mppStaffRoles, devices: ['kiosk'] });
	const input = await readJson(request, body);
	const { value, headers } = await idempotent(event, input, (idempotency) =>
		issueTicket(sql, {
			mppId: mpp.id,
			serviceId: input.serviceId,
			priorityGroup: input.priorityGroup ?? null,
			source: locals.actor.kind === 'device' ? 'kiosk' : 'staff',
			actor: queueActorOf(locals.actor),
			idempotency
		})
	);
	return json(
		{ ...value.ticket, position: value.position, estimatedWaitMinutes: value.estimatedWaitMinutes },
		201,
		headers
	);
});
