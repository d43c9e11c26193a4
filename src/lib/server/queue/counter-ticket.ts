// Shared steps on a counter whose row the caller has already locked.
import { lockCounter, type QueueCounter } from '../db/queue-counters';
import { lockTicket, findTicketCounterId, updateTicket, type TicketRecord } from '../db/tickets';
import type { Tx } from '../db/client';
import { conflict, notFound } from '../errors';
import { appendEvent } from './record';
import type { QueueActor } from './types';

export async function lockCounterOrFail(tx: Tx, counterId: string): Promise<QueueCounter> {
	const counter = await lockCounter(tx, counterId);
	if (!counter || !counter.active) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
	return counter;
}

/** The counter's current ticket, locked, when it is still called or being served. */
export async function lockCurrentTicket(tx: Tx, counter: QueueCounter): Promise<TicketRecord | undefined> {
	if (!counter.currentTicketId) return undefined;
	const ticket = await lockTicket(tx, counter.currentTicketId);
	if (!ticket || ticket.counterId !== counter.id) return undefined;
	return ticket.status === 'called' || ticket.status === 'serving' ? ticket : undefined;
}

/** Marks a called or serving ticket done, leaving counter_id on it as the record of who served it. */
export async function finishTicket(
	tx: Tx,
	ticket: TicketRecord,
	actor: QueueActor,
	now: Date,
	data: Record<string, unknown> = {}
): Promise<TicketRecord> {
	const done = await updateTicket(tx, ticket.id, { status: 'done', finished_at: now });
	await appendEvent(tx, {
		ticketId: ticket.id,
		mppId: ticket.mppId,
		type: 'finished',
		at: now,
		counterId: ticket.counterId,
		serviceId: ticket.serviceId,
		actor,
		data
	});
	return done;
}

/**
 * Locks a ticket together with the counter it is at. Locks are always taken counter first, then
 * ticket (as callNext does), so that an operator's action on a ticket and a callNext on its counter
 * cannot deadlock. The counter is read before the lock; if the ticket moved to another counter in
 * between, we refuse rather than take locks out of order.
 */
export async function lockTicketAndCounter(
	tx: Tx,
	ticketId: string
): Promise<{ ticket: TicketRecord; counter: QueueCounter | undefined }> {
	const seen = await findTicketCounterId(tx, ticketId);
	if (!seen) throw notFound('Tiket tidak ditemukan.', 'ticket_not_found');
	const counter = seen.counterId ? await lockCounter(tx, seen.counterId) : undefined;
	const ticket = await lockTicket(tx, ticketId);
	if (!ticket) throw notFound('Tiket tidak ditemukan.', 'ticket_not_found');
	if (ticket.counterId !== seen.counterId) {
		throw conflict(
			`Tiket ${ticket.number} baru saja berubah di loket lain. Silakan coba lagi.`,
			'ticket_changed'
		);
	}
	return { ticket, counter };
}
