import { consoleStats, requireConsoleCounter } from '$lib/server/console';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readQuery } from '$lib/server/http';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const query = z.strictObject({ c: z.uuid() });

/** Today's counts at a counter and the longest waits of its services, refreshed as the queue moves. */
export const GET: RequestHandler = apiHandler(async ({ locals, url }) => {
	const sql = getSql();
	const { counter, mpp } = await requireConsoleCounter(sql, locals.actor, readQuery(url, query).c);
	return json(await consoleStats(sql, counter, mpp));
});
