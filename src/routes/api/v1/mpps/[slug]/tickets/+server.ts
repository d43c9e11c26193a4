import { z } from 'zod';
import { priorityGroups } from '$lib/domain/types';
import { mppStaffRoles, requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import { issueTicket } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import { publish } from '$lib/server/realtime/publish';
import type { RequestHandler } from './$types';

const body = z.strictObject({
	serviceId: z.uuid(),
	priorityGroup: z.enum(priorityGroups).nullish()
});

/** A kiosk (or a staff member at the desk) takes a ticket for a citizen. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: mppStaffRoles, devices: ['kiosk'] });
	const input = await readJson(request, body);
	const result = await issueTicket(sql, {
		mppId: mpp.id,
		serviceId: input.serviceId,
		priorityGroup: input.priorityGroup ?? null,
		source: locals.actor.kind === 'device' ? 'kiosk' : 'staff',
		actor: queueActorOf(locals.actor)
	});
	publish(result.outcome);
	return json(
		{ ...result.ticket, position: result.position, estimatedWaitMinutes: result.estimatedWaitMinutes },
		201
	);
});
