import { mppStaffRoles, requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import { displaySnapshot } from '$lib/server/realtime/snapshot';
import type { RequestHandler } from './$types';

/** The snapshot a TV shows, and resyncs from after a gap in the event `seq`. */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: mppStaffRoles, devices: ['display'] });
	return json(await displaySnapshot(sql, mpp.id));
});
