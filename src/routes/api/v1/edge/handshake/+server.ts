import { getSql } from '$lib/server/db/client';
import { requireEdgeNode } from '$lib/server/edge/edge-auth';
import { apiHandler, json } from '$lib/server/http';
import { findMppSlug } from '$lib/server/db/edge-nodes';
import type { RequestHandler } from './$types';

/** An edge checks its token and its MPP at start, and reads the centre's clock. */
export const GET: RequestHandler = apiHandler(async ({ request }) => {
	const node = await requireEdgeNode(getSql(), request);
	return json({
		edgeNodeId: node.id,
		mpp: await findMppSlug(getSql(), node.mppId),
		centreTime: new Date().toISOString()
	});
});
