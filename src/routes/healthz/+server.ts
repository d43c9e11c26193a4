import { getSql } from '$lib/server/db/client';
import { json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** 200 when the database answers, 503 otherwise: what a load balancer needs to know. */
export const GET: RequestHandler = async () => {
	try {
		await getSql()`SELECT 1`;
		return json({ status: 'ok' });
	} catch {
		return json(
			{ status: 'unavailable', error: { code: 'database_unavailable', message: 'Database unreachable' } },
			503
		);
	}
};
