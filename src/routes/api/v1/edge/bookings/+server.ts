import { z } from 'zod';
import { getSql } from '$lib/server/db/client';
import { bookingsForEdge } from '$lib/server/edge/bookings-sync';
import { requireEdgeNode } from '$lib/server/edge/edge-auth';
import { apiHandler, json, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

const query = z.object({
	since: z.iso
		.datetime({ offset: true, error: 'since must be an ISO time from an earlier answer' })
		.optional()
});

/** The edge's MPP's bookings from yesterday on, changed since `since` (README "Edge nodes"). */
export const GET: RequestHandler = apiHandler(async ({ request, url }) => {
	const edge = await requireEdgeNode(getSql(), request);
	const { since } = readQuery(url, query);
	return json(await bookingsForEdge(getSql(), edge.mppId, since ?? null));
});
