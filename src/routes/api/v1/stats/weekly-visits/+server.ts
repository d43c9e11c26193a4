import { apiHandler } from '$lib/server/http';
import { weeklyVisitsResponse } from '$lib/server/national/weekly-door';
import type { RequestHandler } from './$types';

// visits per MPP per ISO week; JSON, or CSV for `Accept: text/csv`
export const GET: RequestHandler = apiHandler((event) => weeklyVisitsResponse(event, 'negotiate'));
