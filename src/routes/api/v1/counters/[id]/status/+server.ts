import { z } from 'zod';
import { counterStatuses } from '$lib/domain/types';
import { requireCounterOperator } from '$lib/server/access';
import { requireCounter } from '$lib/server/counters';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json, readJson } from '$lib/server/http';
import { setCounterStatus } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import { publish } from '$lib/server/realtime/publish';
import type { RequestHandler } from './$types';

const body = z.strictObject({ status: z.enum(counterStatuses) });

/** Open, pause or close a counter: `{ "status": "open" | "paused" | "closed" }`. */
export const POST: RequestHandler = apiHandler(async ({ locals, params, request }) => {
	const sql = getSql();
	const counter = await requireCounter(sql, params.id);
	await requireCounterOperator(sql, locals.actor, counter);
	const { status } = await readJson(request, body);
	const result = await setCounterStatus(sql, {
		counterId: counter.id,
		status,
		actor: queueActorOf(locals.actor)
	});
	publish(result.outcome);
	return json({ counter: result.counter });
});
