// The MPP's day ends (issue 10 item 5, DOMAIN §8): a ticket belongs to its MPP-local day, and what is
// still waiting, called or serving when that day ends is closed as `expired`, never carried into the
// next day's queue. The sweep runs at startup and every few seconds (realtime/day-end.ts), so a day is
// closed at the latest a minute after local midnight in WIB, WITA and WIT alike.
//
// Several nodes may sweep at once: tickets are locked FOR UPDATE SKIP LOCKED and only open ones are
// changed, so each ticket expires once, with one event and one seq of its MPP.
import type { Sql } from '../db/client';
import { expireTickets, listMppsWithEndedOpenTickets, lockEndedOpenTickets } from '../db/expiry';
import { deleteSpentWaitingCounts } from '../db/queue-stats';
import { uuidv7 } from '../ids';
import type { Outcome, OutcomeTicket } from './outcome';
import { draftOutcome, queueTransaction } from './record';
import { toOutcomeTicket } from './views';

/** Tickets closed in one transaction; a backlog (a node down for days) is closed in several. */
const BATCH = 500;

/**
 * Closes every open ticket of an ended local day, then drops the spent waiting counts of old days;
 * one Outcome per batch, for publish().
 */
export async function expireEndedDays(sql: Sql, now = new Date()): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const mppId of await listMppsWithEndedOpenTickets(sql, now)) {
		for (;;) {
			const outcome = await expireBatch(sql, mppId, now);
			if (!outcome) break;
			outcomes.push(outcome);
		}
	}
	await deleteSpentWaitingCounts(sql, now);
	return outcomes;
}

async function expireBatch(sql: Sql, mppId: string, now: Date): Promise<Outcome | null> {
	// it frees several counters in one statement, in no fixed order: the MPP's queue lock first, so it
	// waits for a batch of calls holding one of them instead of deadlocking with it (db/queue-lock.ts)
	const { outcome } = await queueTransaction({ sql, lockQueueOf: mppId }, async (tx) => {
		const ids = await lockEndedOpenTickets(tx, mppId, now, BATCH);
		if (ids.length === 0) return { value: null, draft: null };
		const { tickets, counterIds } = await expireTickets(tx, {
			ticketIds: ids,
			eventIds: ids.map(() => uuidv7()),
			at: now
		});
		if (tickets.length === 0) return { value: null, draft: null };
		const views: OutcomeTicket[] = tickets.map(toOutcomeTicket);
		const change = { type: 'ticket:expired' as const, tickets: views, counterIds };
		return {
			value: null,
			draft: await draftOutcome(
				tx,
				mppId,
				now,
				change,
				views.map((t) => t.serviceId)
			)
		};
	});
	return outcome;
}
