import { apiHandler } from '$lib/server/http';
import { standardServiceResponse } from '$lib/server/national/standard-service-door';
import type { RequestHandler } from './$types';

// one standard service per MPP, per province and nationally; JSON, or CSV for `Accept: text/csv`
export const GET: RequestHandler = apiHandler((event) => standardServiceResponse(event, event.params.code));
