import { getSql } from '$lib/server/db/client';
import { json } from '$lib/server/http';
import { notReadyReasons } from '$lib/server/readiness';
import type { RequestHandler } from './$types';

/** 200 when this node may take new work; 503 with the reasons otherwise (HAProxy's httpchk). */
export const GET: RequestHandler = async () => {
	const reasons = await notReadyReasons(getSql());
	if (!reasons.length) return json({ status: 'ready' });
	return json(
		{
			status: 'not_ready',
			reasons,
			error: { code: reasons[0], message: `Not ready: ${reasons.join(', ')}` }
		},
		503,
		{ 'retry-after': '1' }
	);
};
