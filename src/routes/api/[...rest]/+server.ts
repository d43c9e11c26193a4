import { errorResponse } from '$lib/server/http';
import type { RequestHandler } from './$types';

// Any path under /api that no route claims: the API's JSON 404, for every method.
const notFound: RequestHandler = ({ url }) =>
	errorResponse(404, 'not_found', `Tidak ada endpoint ${url.pathname} (unknown API route).`);

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
