// The MPP's queue lock: a transaction-scoped advisory lock per MPP, for the queue transactions that
// change the waiting counts of several services of one MPP at once (a batch of calls, a transfer, a
// service deactivated with its queue moved). Each count row (queue_waiting, migration 0031) is locked
// from its change to COMMIT; two such transactions taking two rows in opposite orders deadlock, and
// PostgreSQL fails one of them after a second. Taken before any row lock, it makes them wait their
// turn instead. Transactions that change one count row (issue, cancel, one call) need not take it.
import type { Db } from './client';

export function lockMppQueue(db: Db, mppId: string) {
	return db`SELECT pg_advisory_xact_lock(hashtextextended(${'queue:' + mppId}, 0))`;
}
