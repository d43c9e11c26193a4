// Opening, pausing and closing a counter.
// A counter that pauses or closes must not leave a citizen stranded: a ticket being served is
// finished (the service happened), a ticket called but not yet started goes back to waiting with its
// original queued_at, so another counter calls it next in its turn.
import type { Sql } from '../db/client';
import { updateQueueCounter } from '../db/queue-counters';
import { updateTicket, type TicketRecord } from '../db/tickets';
import { finishTicket, lockCounterOrFail, lockCurrentTicket } from './counter-ticket';
import { mppOfCounter } from './mpp-batch';
import { appendEvent, draftOutcome, queueTransaction } from './record';
import type { CounterOutcome, QueueActor, QueueRequest } from './types';
import { toCounterView, toOutcomeTicket } from './views';

export async function setCounterStatus(
	sql: Sql,
	input: QueueRequest & {
		counterId: string;
		status: 'open' | 'paused' | 'closed';
		actor: QueueActor;
		now?: Date;
	}
): Promise<CounterOutcome> {
	const now = input.now ?? new Date();
	// pausing or closing puts the called ticket back in its queue: with the counter held, that changes a
	// count row a batch of calls may hold while it waits for this counter; the MPP's queue lock first
	// (db/queue-lock.ts) keeps the two from deadlocking
	const lockQueueOf = input.status === 'open' ? null : await mppOfCounter(sql, input.counterId);
	const db = { sql, idempotency: input.idempotency, lockQueueOf };
	const { value, outcome } = await queueTransaction(db, async (tx) => {
		let counter = await lockCounterOrFail(tx, input.counterId);
		await input.authorize?.(tx, { mppId: counter.mppId, counterId: counter.id, serviceId: null });
		let finished: TicketRecord | undefined;
		let requeued: TicketRecord | undefined;
		if (input.status !== 'open') {
			const current = await lockCurrentTicket(tx, counter);
			if (current?.status === 'serving') {
				finished = await finishTicket(tx, current, input.actor, now, { by: `counter_${input.status}` });
			} else if (current) {
				requeued = await updateTicket(tx, current.id, {
					status: 'waiting',
					counter_id: null,
					call_count: 0,
					called_at: null
				});
				await appendEvent(tx, {
					ticketId: current.id,
					mppId: current.mppId,
					type: 'requeued',
					at: now,
					counterId: counter.id,
					serviceId: current.serviceId,
					actor: input.actor,
					data: { reason: `counter_${input.status}`, callCount: current.callCount }
				});
			}
		}
		counter = await updateQueueCounter(tx, counter.id, {
			status: input.status,
			...(counter.status !== input.status ? { status_changed_at: now } : {}),
			...(input.status !== 'open' ? { current_ticket_id: null, priority_streak: 0 } : {})
		});
		const view = toCounterView(counter);
		const draft = await draftOutcome(
			tx,
			counter.mppId,
			now,
			{
				type: 'counter:changed',
				counter: view,
				finished: finished ? toOutcomeTicket(finished) : null,
				requeued: requeued ? toOutcomeTicket(requeued) : null
			},
			counter.serviceIds
		);
		return { value: { counter: view }, draft };
	});
	return { ...value, outcome };
}
