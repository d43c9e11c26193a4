import { listUpcomingStops } from '$lib/server/admin/mobile-stops';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

/** A mobile unit's stops from today on (README "Edge nodes"). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	return json({ stops: await listUpcomingStops(getSql(), locals.actor, mpp.id) });
});
