// Moving a ticket to another service of the same MPP (the citizen was at the wrong counter, or needs
// a second service). It keeps its number and queued_at, so it keeps its place in arrival order.
import type { Sql, Tx } from '../db/client';
import { findService } from '../db/services';
import { findTicketCounterId, updateTicket } from '../db/tickets';
import { notFound, unprocessable } from '../errors';
import { isUuid } from '../http';
import { appendEvent, draftOutcome, queueTransaction, type OutcomeDraft } from './record';
import { lockAuthorizedTicket, releaseCounter, requireStatus } from './ticket-actions';
import type { QueueActor, QueueRequest, TicketOutcome } from './types';
import type { TicketView } from './outcome';
import { toCounterView, toOutcomeTicket, toTicketView } from './views';

export interface TransferInput extends QueueRequest {
	ticketId: string;
	toServiceId: string;
	actor: QueueActor;
	now?: Date;
}

export async function transfer(sql: Sql, input: TransferInput): Promise<TicketOutcome> {
	// a transfer changes the waiting counts of two services, so it takes its MPP's queue lock before
	// any row (db/queue-lock.ts); a ticket never changes MPP, so the MPP may be read before
	const place = isUuid(input.ticketId) ? await findTicketCounterId(sql, input.ticketId) : undefined;
	const request = { sql, idempotency: input.idempotency, lockQueueOf: place?.mppId };
	const { value, outcome } = await queueTransaction(request, async (tx) => {
		const { value, draft } = await transferInTransaction(tx, input);
		return { value: { ticket: value }, draft };
	});
	return { ...value, outcome };
}

/**
 * The transfer inside a caller's transaction, for an administration save that moves every waiting
 * ticket of a service it deactivates (issue 6) in the same transaction as the deactivation. The
 * caller holds the MPP's queue lock (db/queue-lock.ts).
 */
export async function transferInTransaction(
	tx: Tx,
	input: TransferInput
): Promise<{ value: TicketView; draft: OutcomeDraft }> {
	const now = input.now ?? new Date();
	const locked = await lockAuthorizedTicket(tx, input);
	requireStatus(locked.ticket, ['waiting', 'called', 'serving'], 'dipindahkan');
	const from = locked.ticket;
	const target = await findService(tx, input.toServiceId);
	if (!target || target.mppId !== from.mppId) {
		throw notFound('Layanan tujuan tidak ditemukan.', 'service_not_found');
	}
	if (!target.active) throw unprocessable(`Layanan ${target.name} sedang tidak aktif.`, 'service_inactive');
	if (target.id === from.serviceId) {
		throw unprocessable(`Tiket ${from.number} sudah berada di layanan ${target.name}.`, 'same_service');
	}
	const counter = locked.counter ? await releaseCounter(tx, locked.counter, from.id) : undefined;
	const ticket = await updateTicket(tx, from.id, {
		status: 'waiting',
		service_id: target.id,
		counter_id: null,
		call_count: 0,
		called_at: null,
		started_at: null
	});
	await appendEvent(tx, {
		ticketId: ticket.id,
		mppId: ticket.mppId,
		type: 'transferred',
		at: now,
		counterId: counter?.id ?? null,
		serviceId: target.id,
		actor: input.actor,
		data: { fromServiceId: from.serviceId, toServiceId: target.id, fromStatus: from.status }
	});
	const view = toOutcomeTicket(ticket);
	const draft = await draftOutcome(
		tx,
		ticket.mppId,
		now,
		{
			type: 'ticket:transferred',
			ticket: view,
			fromServiceId: from.serviceId,
			counter: counter ? toCounterView(counter) : null
		},
		[from.serviceId, target.id]
	);
	return { value: toTicketView(view), draft };
}
