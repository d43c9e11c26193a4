import { requireCounterOperator } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { apiHandler, json } from '$lib/server/http';
import { callNext } from '$lib/server/queue';
import { queueActorOf } from '$lib/server/queue-actor';
import { publish } from '$lib/server/realtime/publish';
import { requireCounter } from '$lib/server/counters';
import type { RequestHandler } from './$types';

/** 200 { ticket } with the ticket now called to this counter, or 204 when nobody waits. */
export const POST: RequestHandler = apiHandler(async ({ locals, params }) => {
	const sql = getSql();
	const counter = await requireCounter(sql, params.id);
	await requireCounterOperator(sql, locals.actor, counter);
	const result = await callNext(sql, { counterId: counter.id, actor: queueActorOf(locals.actor) });
	publish(result.outcome);
	if (!result.ticket) return new Response(null, { status: 204 });
	return json({ ticket: result.ticket, finished: result.finished });
});
