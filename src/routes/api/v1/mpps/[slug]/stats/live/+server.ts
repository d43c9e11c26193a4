import { apiHandler } from '$lib/server/http';
import { liveStatsResponse } from '$lib/server/stats/door';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler((event) => liveStatsResponse(event));
