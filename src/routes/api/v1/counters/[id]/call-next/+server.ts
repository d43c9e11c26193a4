import { queueOperatorGuard, requireQueueOperator } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { callNext } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import { requireCounter } from '$lib/server/counters';
import type { RequestHandler } from './$types';

/** 200 { ticket } with the ticket now called to this counter, or 204 when nobody waits. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { locals, params } = event;
	const sql = getSql();
	const counter = await requireCounter(sql, params.id);
	requireQueueOperator(locals.actor, counter.mppId);
	const { value, headers } = await idempotent(event, null, (idempotency) =>
		callNext(sql, {
			counterId: counter.id,
			actor: queueActorOf(locals.actor),
			authorize: queueOperatorGuard(locals.actor),
			idempotency
		})
	);
	if (!value.ticket) return new Response(null, { status: 204, headers });
	return json({ ticket: value.ticket, finished: value.finished }, 200, headers);
});
