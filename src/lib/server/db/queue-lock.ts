// The MPP's queue lock: a transaction-scoped advisory lock per MPP, for the queue transactions that
// hold two of the rows a batch of calls takes in no fixed order: the waiting counts of several
// services (queue_waiting, migration 0031, each locked from its change to COMMIT), or a counter and
// then a count row, or several counters. They are a batch of calls, a transfer, a service
// deactivated with its queue moved, a counter paused or closed (its called ticket goes back to a
// queue), and the day-end sweep (it frees several counters at once). Two such transactions taking
// two rows in opposite orders deadlock, and PostgreSQL fails one after a second
// (tests/integration/queue-call-two-nodes.test.ts). Taken before any row lock, it makes them wait
// their turn instead. A transaction that takes one such row (issue, cancel) need not take it.
import type { Db } from './client';

export function lockMppQueue(db: Db, mppId: string) {
	return db`SELECT pg_advisory_xact_lock(hashtextextended(${'queue:' + mppId}, 0))`;
}
