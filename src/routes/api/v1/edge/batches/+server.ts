import { getSql } from '$lib/server/db/client';
import { requireEdgeNode } from '$lib/server/edge/edge-auth';
import { batchSchema, ingestEdgeBatch, MAX_BATCH_BYTES } from '$lib/server/edge/ingest';
import { apiHandler, json, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** One batch of an edge's outbox; the same batch again changes nothing (README "Edge nodes"). */
export const POST: RequestHandler = apiHandler(async ({ request }) => {
	const edge = await requireEdgeNode(getSql(), request);
	const batch = await readJson(request, batchSchema, MAX_BATCH_BYTES);
	return json(await ingestEdgeBatch(getSql(), edge, batch));
});
