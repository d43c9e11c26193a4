import { z } from 'zod';
import { counterStatuses } from '$lib/domain/types';
import { queueOperatorGuard, requireQueueOperator } from '$lib/server/access';
import { requireCounter } from '$lib/server/counters';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { idempotent } from '$lib/server/idempotency';
import { setCounterStatus } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import type { RequestHandler } from './$types';

const body = z.strictObject({ status: z.enum(counterStatuses) });

/** Open, pause or close a counter: `{ "status": "open" | "paused" | "closed" }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { locals, params, request } = event;
	const sql = getSql();
	const counter = await requireCounter(sql, params.id);
	requireQueueOperator(locals.actor, counter.mppId);
	const input = await readJson(request, body);
	const { value, headers } = await idempotent(event, input, (idempotency) =>
		setCounterStatus(sql, {
			counterId: counter.id,
			status: input.status,
			actor: queueActorOf(locals.actor),
			authorize: queueOperatorGuard(locals.actor),
			idempotency
		})
	);
	return json({ counter: value.counter }, 200, headers);
});
