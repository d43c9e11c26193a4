// What an operator does with the ticket at their counter: recall, start, finish, no-show, cancel.
import type { TicketStatus } from '../../domain/types';
import type { Sql, Tx } from '../db/client';
import { mppLocalDate } from '../db/expiry';
import { updateQueueCounter, type QueueCounter } from '../db/queue-counters';
import type { TicketRecord } from '../db/tickets';
import { updateTicket } from '../db/tickets';
import { conflict } from '../errors';
import { finishTicket, lockTicketAndCounter } from './counter-ticket';
import type { CounterView, OutcomeTicket, QueueChange, TicketView } from './outcome';
import { appendEvent, draftOutcome, queueTransaction, type OutcomeDraft } from './record';
import type { QueueActor, QueueRequest, TicketOutcome } from './types';
import { statusLabel, toCounterView, toOutcomeTicket, toTicketView } from './views';

export interface TicketActionInput extends QueueRequest {
	ticketId: string;
	actor: QueueActor;
	now?: Date;
}

export function requireStatus(ticket: TicketRecord, allowed: TicketStatus[], action: string): void {
	if (allowed.includes(ticket.status)) return;
	const expected = allowed.map((s) => statusLabel[s]).join(' atau ');
	throw conflict(
		`Tiket ${ticket.number} berstatus ${statusLabel[ticket.status]}; hanya tiket yang ${expected} dapat ${action}.`,
		'invalid_state'
	);
}

function requireCounter(ticket: TicketRecord, counter: QueueCounter | undefined): QueueCounter {
	if (!counter) throw conflict(`Tiket ${ticket.number} tidak sedang berada di loket mana pun.`, 'no_counter');
	return counter;
}

/** Clears the counter's current ticket when it is this one; returns the counter as it is now. */
export async function releaseCounter(tx: Tx, counter: QueueCounter, ticketId: string): Promise<QueueCounter> {
	if (counter.currentTicketId !== ticketId) return counter;
	return updateQueueCounter(tx, counter.id, { current_ticket_id: null });
}

async function complete(
	tx: Tx,
	ticket: TicketRecord,
	now: Date,
	change: (view: OutcomeTicket) => QueueChange
): Promise<{ value: TicketView; draft: OutcomeDraft }> {
	const view = toOutcomeTicket(ticket);
	const draft = await draftOutcome(tx, ticket.mppId, now, change(view), [ticket.serviceId]);
	// the answer goes to staff: without the track code (issue 10 item 4)
	return { value: toTicketView(view), draft };
}

/**
 * Locks the ticket with its counter, then lets the door's guard decide on what is locked. A ticket of
 * an ended MPP-local day is closed by the sweep (expired), never recalled, served or moved into
 * today's queue (issue 10 item 5).
 */
export async function lockAuthorizedTicket(tx: Tx, input: QueueRequest & { ticketId: string; now?: Date }) {
	const locked = await lockTicketAndCounter(tx, input.ticketId);
	await input.authorize?.(tx, {
		mppId: locked.ticket.mppId,
		counterId: locked.ticket.counterId,
		serviceId: locked.ticket.serviceId
	});
	const open = ['waiting', 'called', 'serving'].includes(locked.ticket.status);
	if (
		open &&
		(await mppLocalDate(tx, locked.ticket.mppId, input.now ?? new Date())) !== locked.ticket.localDate
	) {
		throw conflict(
			`Tiket ${locked.ticket.number} berasal dari hari layanan yang sudah berakhir (${locked.ticket.localDate}).`,
			'ticket_day_ended'
		);
	}
	return locked;
}

/** One ticket operation in one queue transaction; `{ ticket }` is also what an Idempotency-Key stores. */
async function ticketOperation(
	sql: Sql,
	input: QueueRequest,
	work: (tx: Tx) => Promise<{ value: TicketView; draft: OutcomeDraft }>
): Promise<TicketOutcome> {
	const { value, outcome } = await queueTransaction({ sql, idempotency: input.idempotency }, async (tx) => {
		const { value, draft } = await work(tx);
		return { value: { ticket: value }, draft };
	});
	return { ...value, outcome };
}

export async function recall(sql: Sql, input: TicketActionInput): Promise<TicketOutcome> {
	const now = input.now ?? new Date();
	return ticketOperation(sql, input, async (tx) => {
		const locked = await lockAuthorizedTicket(tx, input);
		requireStatus(locked.ticket, ['called'], 'dipanggil ulang');
		const counter = requireCounter(locked.ticket, locked.counter);
		if (locked.ticket.callCount >= counter.callLimit) {
			throw conflict(
				`Tiket ${locked.ticket.number} sudah dipanggil ${locked.ticket.callCount} kali (batas ${counter.callLimit}). ` +
					'Tandai sebagai tidak hadir.',
				'call_limit_reached'
			);
		}
		const ticket = await updateTicket(tx, locked.ticket.id, {
			call_count: locked.ticket.callCount + 1,
			called_at: now
		});
		await appendEvent(tx, {
			ticketId: ticket.id,
			mppId: ticket.mppId,
			type: 'recalled',
			at: now,
			counterId: counter.id,
			serviceId: ticket.serviceId,
			actor: input.actor,
			data: { callCount: ticket.callCount }
		});
		return complete(tx, ticket, now, (view) => ({
			type: 'ticket:recalled',
			ticket: view,
			counter: toCounterView(counter)
		}));
	});
}

export async function start(sql: Sql, input: TicketActionInput): Promise<TicketOutcome> {
	const now = input.now ?? new Date();
	return ticketOperation(sql, input, async (tx) => {
		const locked = await lockAuthorizedTicket(tx, input);
		requireStatus(locked.ticket, ['called'], 'mulai dilayani');
		const counter = requireCounter(locked.ticket, locked.counter);
		const ticket = await updateTicket(tx, locked.ticket.id, { status: 'serving', started_at: now });
		await appendEvent(tx, {
			ticketId: ticket.id,
			mppId: ticket.mppId,
			type: 'started',
			at: now,
			counterId: counter.id,
			serviceId: ticket.serviceId,
			actor: input.actor
		});
		return complete(tx, ticket, now, (view) => ({
			type: 'ticket:started',
			ticket: view,
			counter: toCounterView(counter)
		}));
	});
}

export async function finish(sql: Sql, input: TicketActionInput): Promise<TicketOutcome> {
	const now = input.now ?? new Date();
	return ticketOperation(sql, input, async (tx) => {
		const locked = await lockAuthorizedTicket(tx, input);
		requireStatus(locked.ticket, ['called', 'serving'], 'diselesaikan');
		const counter = await releaseCounter(tx, requireCounter(locked.ticket, locked.counter), locked.ticket.id);
		const ticket = await finishTicket(tx, locked.ticket, input.actor, now);
		return complete(tx, ticket, now, (view) => ({
			type: 'ticket:finished',
			ticket: view,
			counter: toCounterView(counter)
		}));
	});
}

export async function noShow(sql: Sql, input: TicketActionInput): Promise<TicketOutcome> {
	const now = input.now ?? new Date();
	return ticketOperation(sql, input, async (tx) => {
		const locked = await lockAuthorizedTicket(tx, input);
		requireStatus(locked.ticket, ['called'], 'ditandai tidak hadir');
		const held = requireCounter(locked.ticket, locked.counter);
		// DOMAIN profile: a citizen is absent only after the MPP's call limit (default 3 calls)
		if (locked.ticket.callCount < held.callLimit) {
			const left = held.callLimit - locked.ticket.callCount;
			throw conflict(
				`Tiket ${locked.ticket.number} baru dipanggil ${locked.ticket.callCount} kali. ` +
					`Panggil ulang ${left} kali lagi sebelum menandai tidak hadir.`,
				'call_limit_not_reached'
			);
		}
		const counter = await releaseCounter(tx, held, locked.ticket.id);
		const ticket = await updateTicket(tx, locked.ticket.id, { status: 'no_show' });
		await appendEvent(tx, {
			ticketId: ticket.id,
			mppId: ticket.mppId,
			type: 'no_show',
			at: now,
			counterId: counter.id,
			serviceId: ticket.serviceId,
			actor: input.actor,
			data: { callCount: ticket.callCount }
		});
		return complete(tx, ticket, now, (view) => ({
			type: 'ticket:no-show',
			ticket: view,
			counter: toCounterView(counter)
		}));
	});
}

export async function cancel(sql: Sql, input: TicketActionInput): Promise<TicketOutcome> {
	const now = input.now ?? new Date();
	return ticketOperation(sql, input, async (tx) => {
		const locked = await lockAuthorizedTicket(tx, input);
		requireStatus(locked.ticket, ['waiting', 'called'], 'dibatalkan');
		let counter: CounterView | null = null;
		if (locked.ticket.status === 'called' && locked.counter) {
			counter = toCounterView(await releaseCounter(tx, locked.counter, locked.ticket.id));
		}
		const ticket = await updateTicket(tx, locked.ticket.id, { status: 'cancelled' });
		await appendEvent(tx, {
			ticketId: ticket.id,
			mppId: ticket.mppId,
			type: 'cancelled',
			at: now,
			counterId: counter?.id ?? null,
			serviceId: ticket.serviceId,
			actor: input.actor,
			data: { from: locked.ticket.status }
		});
		return complete(tx, ticket, now, (view) => ({ type: 'ticket:cancelled', ticket: view, counter }));
	});
}
