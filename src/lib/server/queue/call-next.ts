// callNext: a counter calls the next waiting ticket of the services it serves (DESIGN "The queue engine").
// The hot path of the whole system. A call is two statements: the counter lock with a lock-free peek
// at the heads of its queue (sent with the door's access rule); then one that finishes the counter's
// ticket and takes (FOR UPDATE SKIP LOCKED, exactly one row) and calls the next ticket of the class
// the fairness rule chose; the MPP's event seq last (see queueTransaction). The calls of one MPP
// that arrive together share one transaction and run at once, their statements interleaved
// (mpp-batch.ts).
import { chooseNext, nextStreak } from '../../domain/priority';
import type { Sql, Tx } from '../db/client';
import {
	callNextOfClass,
	finishCounterTicket,
	lockCounterForCall,
	type CalledTicket,
	type EventMeta,
	type Finish
} from '../db/queue-calls';
import { updateQueueCounter } from '../db/queue-counters';
import type { TicketRecord } from '../db/tickets';
import { conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import { inMppBatch, mppOfCounter } from './mpp-batch';
import { draftOutcome, type OutcomeDraft } from './record';
import type { TicketView } from './outcome';
import type { CallNextResult, QueueActor, QueueRequest } from './types';
import { toCounterView, toOutcomeTicket, toTicketView } from './views';

export async function callNext(
	sql: Sql,
	input: QueueRequest & { counterId: string; actor: QueueActor; now?: Date }
): Promise<CallNextResult> {
	const now = input.now ?? new Date();
	const meta = (data: Record<string, unknown>): EventMeta => ({
		eventId: uuidv7(),
		at: now,
		userId: input.actor.userId ?? null,
		deviceId: input.actor.deviceId ?? null,
		data
	});
	type Called = { ticket: TicketView | null; finished: TicketView | null };
	const mppId = await mppOfCounter(sql, input.counterId);
	if (!mppId) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
	const work = async (
		tx: Tx,
		beginWrites: () => Promise<void>
	): Promise<{ value: Called; draft: OutcomeDraft | null }> => {
		// Sent together: the counter's lock with the peek at its queue heads, then the door's access rule
		// on it (the MPP is known, a counter never moves). Every refusal is decided here, before anything
		// is written (mpp-batch.ts).
		const [locked, allowed] = await Promise.allSettled([
			lockCounterForCall(tx, input.counterId, now),
			input.authorize?.(tx, { mppId, counterId: input.counterId, serviceId: null })
		]);
		if (locked.status === 'rejected') throw locked.reason;
		const counter = locked.value;
		if (!counter || !counter.active) throw notFound('Loket tidak ditemukan.', 'counter_not_found');
		if (allowed.status === 'rejected') throw allowed.reason;
		if (counter.status !== 'open') {
			throw conflict(
				`${counter.name} sedang ${counter.status === 'paused' ? 'istirahat' : 'tutup'}. Buka loket terlebih dahulu.`,
				'counter_not_open'
			);
		}
		await beginWrites();
		const { localDate, serviceIds, heads } = counter;
		// Pressing "next" means the citizen at the counter is done: the first pick finishes its ticket.
		let finish: Finish | undefined = counter.currentTicketId
			? { ticketId: counter.currentTicketId, event: meta({ by: 'call_next' }) }
			: undefined;
		let finished: TicketRecord | undefined;
		const finishedTicket = () => (finished ? toOutcomeTicket(finished) : null);

		const nobody = async (): Promise<{ value: Called; draft: OutcomeDraft | null }> => {
			if (finish) finished = await finishCounterTicket(tx, { counterId: counter.id, localDate }, finish);
			if (!finished && !counter.currentTicketId)
				return { value: { ticket: null, finished: null }, draft: null };
			const free = await updateQueueCounter(tx, counter.id, { current_ticket_id: null });
			const done = finishedTicket();
			const change = { type: 'counter:changed' as const, counter: toCounterView(free), finished: done };
			return {
				value: { ticket: null, finished: done && toTicketView(done) },
				draft: await draftOutcome(tx, counter.mppId, now, change, serviceIds)
			};
		};
		const choice = chooseNext(heads, counter.priorityStreak, counter.priorityRatio);
		if (!choice) return nobody();

		// The peek chose the class; take the oldest ticket of it that no other counter is calling right
		// now. If all of them are being called elsewhere, fall back to the other class.
		const regularWaiting = heads.some((h) => !h.priority);
		const classes = [
			choice.ticket.priority,
			...heads.filter((h) => h.priority !== choice.ticket.priority).map((h) => h.priority)
		];
		// A checked-in booking queues from its slot start, so it comes before walk-ins who arrived later
		// (booking/check-in.ts). After bookingRatio booked calls in a row the counter first looks for a
		// walk-in; only when none waits does the booking go next anyway. The peek already says whether
		// the head is booked, so the usual call costs nothing more.
		const capBooked = (priority: boolean) =>
			heads.some((h) => h.priority === priority && h.booked) && counter.bookingStreak >= counter.bookingRatio;
		let called: CalledTicket | undefined;
		const attempt = async (pick: Parameters<typeof callNextOfClass>[1]) => {
			const result = await callNextOfClass(tx, { ...pick, finish }, meta({ callCount: 1 }));
			// the first attempt finished the counter's ticket, whatever it called
			if (finish) [finished, finish] = [result.finished, undefined];
			return result.called;
		};
		for (const priority of classes) {
			const streak =
				priority === choice.ticket.priority
					? choice.streak
					: nextStreak(priority, regularWaiting, counter.priorityStreak);
			const pick = { counterId: counter.id, mppId: counter.mppId, localDate, serviceIds, priority, streak };
			if (capBooked(priority)) called = await attempt({ ...pick, walkInOnly: true });
			called ??= await attempt(pick);
			if (called) break;
		}
		if (!called) return nobody();
		const ticket = toOutcomeTicket(called.ticket);
		const counterView = { ...toCounterView(counter), currentTicketId: ticket.id };
		const done = finishedTicket();
		return {
			// the answer goes to the operator: without track codes (issue 10 item 4)
			value: { ticket: toTicketView(ticket), finished: done && toTicketView(done) },
			draft: {
				mppId: counter.mppId,
				at: now.toISOString(),
				change: { type: 'ticket:called', ticket, counter: counterView, finished: done },
				waiting: { [ticket.serviceId]: called.waiting }
			}
		};
	};
	const { value, outcome } = await inMppBatch(sql, mppId, input.idempotency, work);
	return { ...value, outcome };
}
