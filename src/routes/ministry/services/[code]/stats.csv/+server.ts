import { apiHandler } from '$lib/server/http';
import { standardServiceResponse } from '$lib/server/national/standard-service-door';
import type { RequestHandler } from './$types';

// the table of /ministry/services/<code> for the same period, as CSV
export const GET: RequestHandler = apiHandler((event) =>
	standardServiceResponse(event, event.params.code, 'csv')
);
