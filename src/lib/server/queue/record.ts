// The two things every queue operation does in its transaction: append to the ticket's history, and
// describe the change with the MPP's next event seq for the realtime door.
import { sendOutcome } from '../bus/send';
import { insertTicketEvent, type TicketEventType } from '../db/queue-events';
import { countWaiting } from '../db/queue-stats';
import { lockMppQueue } from '../db/queue-lock';
import type { Sql, Tx } from '../db/client';
import { uuidv7 } from '../ids';
import {
	claimIdempotencyKey,
	purgeExpiredKeysSometimes,
	saveIdempotencyResult,
	type IdempotencyClaim
} from '../idempotency';
import type { Outcome, QueueChange } from './outcome';
import type { QueueActor } from './types';

export type OutcomeDraft = Omit<Outcome, 'seq'>;

export async function appendEvent(
	tx: Tx,
	e: {
		ticketId: string;
		mppId: string;
		type: TicketEventType;
		at: Date;
		counterId: string | null;
		serviceId: string | null;
		actor: QueueActor;
		data?: Record<string, unknown>;
	}
): Promise<void> {
	await insertTicketEvent(tx, {
		id: uuidv7(),
		ticketId: e.ticketId,
		mppId: e.mppId,
		type: e.type,
		at: e.at,
		counterId: e.counterId,
		serviceId: e.serviceId,
		userId: e.actor.userId ?? null,
		deviceId: e.actor.deviceId ?? null,
		data: e.data ?? {}
	});
}

/** The Outcome without its seq, with the waiting counts of the services the change touched. */
export async function draftOutcome(
	tx: Tx,
	mppId: string,
	at: Date,
	change: QueueChange,
	serviceIds: string[]
): Promise<OutcomeDraft> {
	const waiting = await countWaiting(tx, [...new Set(serviceIds)], at);
	return { mppId, at: at.toISOString(), change, waiting };
}

/**
 * Runs one queue operation in one transaction, gives its Outcome the MPP's next event seq and sends
 * it on the bus (bus/send.ts), so every node hears it exactly when it commits, and never otherwise.
 *
 * The seq row is every operation's one point of contention in an MPP: its lock serialises commits, so
 * seq order is commit order. We send that UPDATE as the very last statement and let COMMIT follow it
 * on the wire without waiting for its answer (postgres.js sends COMMIT as soon as the callback
 * resolves). The lock is then held for the time PostgreSQL needs to update and commit, not for a
 * round trip through a busy Node event loop, which with 50 counters pressing at once made the
 * difference between ~140 and several hundred calls per second. If that statement fails, PostgreSQL
 * answers the COMMIT with a rollback and the awaited seq rejects, so nothing is half-done; it cannot
 * succeed without a seq (see takeSeqsAndNotify in db/bus.ts).
 *
 * With an Idempotency-Key (`{ sql, idempotency }`, see idempotency.ts) the key is taken first and
 * `value` stored as its answer just before the seq, in the same transaction, so a retry finds either
 * nothing or the complete answer.
 */
export async function queueTransaction<T, D extends OutcomeDraft | null>(
	db: Sql | { sql: Sql; idempotency?: IdempotencyClaim | null; lockQueueOf?: string | null },
	work: (tx: Tx) => Promise<{ value: T; draft: D }>
): Promise<{ value: T; outcome: D extends OutcomeDraft ? Outcome : Outcome | null }> {
	// a postgres.js pool is a function; the keyed form is a plain object
	const { sql, idempotency, lockQueueOf } = typeof db === 'function' ? { sql: db, idempotency: null } : db;
	let seq: Promise<number> | undefined;
	let saved: Promise<void> | undefined;
	const done = await sql.begin(async (tx) => {
		// an operation that holds two of the rows a batch of calls takes (a transfer, a service
		// deactivated, a counter paused or closed, the day-end sweep: db/queue-lock.ts has the list)
		// takes the MPP's queue lock before any row; sent without waiting, it runs first
		if (lockQueueOf) lockMppQueue(tx, lockQueueOf).catch(() => {});
		if (idempotency) await claimIdempotencyKey(tx, idempotency);
		const result = await work(tx);
		if (idempotency) {
			// pipelined like the seq below; a failure makes COMMIT roll back and is reported after it
			saved = saveIdempotencyResult(tx, idempotency, result.value);
			saved.catch(() => {});
		}
		if (result.draft) {
			// the seq and the bus notification in one statement: the event leaves with the COMMIT
			seq = sendOutcome(tx, result.draft);
			// awaited below, after COMMIT; this only keeps a failure from being reported as unhandled
			seq.catch(() => {});
		}
		return result;
	});
	await saved;
	if (idempotency) purgeExpiredKeysSometimes(sql);
	const outcome = done.draft && seq ? { ...done.draft, seq: await seq } : null;
	return { value: done.value, outcome: outcome as D extends OutcomeDraft ? Outcome : Outcome | null };
}
