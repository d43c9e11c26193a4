import { apiHandler } from '$lib/server/http';
import { rankingResponse } from '$lib/server/national/door';
import type { RequestHandler } from './$types';

// one row per active MPP; JSON, or CSV for `Accept: text/csv`
export const GET: RequestHandler = apiHandler((event) => rankingResponse(event));
