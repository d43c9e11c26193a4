import { apiHandler } from '$lib/server/http';
import { statsResponse } from '$lib/server/stats/door';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler((event) => statsResponse(event, 'csv'));
