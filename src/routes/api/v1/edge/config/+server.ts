import { z } from 'zod';
import { getSql } from '$lib/server/db/client';
import { configForEdge } from '$lib/server/edge/config-sync';
import { requireEdgeNode } from '$lib/server/edge/edge-auth';
import { apiHandler, json, readQuery } from '$lib/server/http';
import type { RequestHandler } from './$types';

const query = z.object({
	since: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,64}$/, 'since must be a configuration version from an earlier answer')
		.optional()
});

/** The edge's MPP configuration, or only its version when `since` is already that version. */
export const GET: RequestHandler = apiHandler(async ({ request, url }) => {
	const edge = await requireEdgeNode(getSql(), request);
	const { since } = readQuery(url, query);
	return json(await configForEdge(getSql(), edge, since));
});
