import { apiHandler } from '$lib/server/http';
import { statsResponse } from '$lib/server/stats/door';
import type { RequestHandler } from './$types';

// JSON, or CSV for `Accept: text/csv`
export const GET: RequestHandler = apiHandler((event) => statsResponse(event, 'negotiate'));
