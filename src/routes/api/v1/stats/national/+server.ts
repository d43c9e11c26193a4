import { apiHandler } from '$lib/server/http';
import { nationalResponse } from '$lib/server/national/door';
import type { RequestHandler } from './$types';

// national figures grouped by day, week, month, province or time zone; JSON, or CSV for `Accept: text/csv`
export const GET: RequestHandler = apiHandler((event) => nationalResponse(event));
