import { apiHandler } from '$lib/server/http';
import { weeklyVisitsResponse } from '$lib/server/national/weekly-door';
import type { RequestHandler } from './$types';

// the weekly visit report's download link: the same weeks and filters as /ministry/report
export const GET: RequestHandler = apiHandler((event) => weeklyVisitsResponse(event, 'csv'));
