import { mppStaffRoles, requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { listCounters } from '$lib/server/db/counters';
import { apiHandler, json } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: mppStaffRoles });
	const counters = await listCounters(sql, mpp.id);
	return json({
		counters: counters.map((c) => ({
			id: c.id,
			name: c.name,
			services: c.serviceIds,
			status: c.status,
			currentTicketId: c.currentTicketId
		}))
	});
});
