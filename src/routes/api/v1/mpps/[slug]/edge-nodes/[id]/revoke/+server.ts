import { revokeEdgeNode } from '$lib/server/admin/edge-nodes';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

/** Refuses the edge from now on (401 on every edge endpoint); its rows already ingested stay. */
export const POST: RequestHandler = apiHandler(async ({ locals, params }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	const saved = await revokeEdgeNode(getSql(), locals.actor, mpp.id, params.id);
	return json({ revoked: saved.value });
});
