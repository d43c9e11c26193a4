import { requireMppAdmin } from '$lib/server/admin/access';
import { createEdgeNode, listEdgeNodesForAdmin } from '$lib/server/admin/edge-nodes';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import { z } from 'zod';
import type { RequestHandler } from './$types';

/** The MPP's edge nodes and how far each has synced (never a token). */
export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	return json({ edgeNodes: await listEdgeNodesForAdmin(getSql(), locals.actor, mpp.id) });
});

/** A new edge node; the answer carries its token, the only time it is shown. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const mpp = await requireMppBySlug(getSql(), params.slug);
	// role and MPP before the body
	requireMppAdmin(locals.actor, mpp.id);
	const input = await readJson(request, z.looseObject({}));
	const saved = await createEdgeNode(getSql(), locals.actor, mpp.id, input);
	return json(saved.value, 201);
});
