// Reads behind positions, wait estimates and the waiting counts every queue change carries. The
// counts are kept by triggers on tickets (queue_waiting, migration 0031), not counted on each read.
// Everything counts only the MPP's current local day (mpp_local_date, migration 0010): a ticket of an
// ended day waits for nobody until the sweep closes it as expired (issue 10 item 5).
import type { Db } from './client';

/**
 * Drops the kept counts of days that have ended in every zone (before yesterday in UTC: every MPP's
 * local date is at least UTC's) and have nobody waiting; a missing row reads as 0. Without it the
 * table gains a row per service and day for ever. A day an edge has not closed yet keeps its count.
 */
export async function deleteSpentWaitingCounts(db: Db, at: Date): Promise<void> {
	await db`
		DELETE FROM queue_waiting
		WHERE waiting = 0 AND local_date < (${at}::timestamptz AT TIME ZONE 'UTC')::date - 1`;
}

/** Waiting tickets of the MPP's local day at `at` per service id, zero for services with none. */
export async function countWaiting(
	db: Db,
	serviceIds: string[],
	at: Date = new Date()
): Promise<Record<string, number>> {
	if (serviceIds.length === 0) return {};
	const rows = await db<{ serviceId: string; waiting: number }[]>`
		SELECT s.id AS "serviceId", coalesce(greatest(w.waiting, 0), 0) AS waiting
		FROM services s
			LEFT JOIN queue_waiting w ON w.service_id = s.id AND w.local_date = mpp_local_date(s.mpp_id, ${at})
		WHERE s.id = ANY(${serviceIds}::uuid[])`;
	return Object.fromEntries(rows.map((r) => [r.serviceId, r.waiting]));
}

/** Waiting tickets of the MPP's local day at `at` per active service of an MPP (zero included). */
export async function countWaitingInMpp(
	db: Db,
	mppId: string,
	at: Date = new Date()
): Promise<Record<string, number>> {
	const rows = await db<{ serviceId: string; waiting: number }[]>`
		SELECT s.id AS "serviceId", coalesce(greatest(w.waiting, 0), 0) AS waiting
		FROM services s
			LEFT JOIN queue_waiting w ON w.service_id = s.id AND w.local_date = mpp_local_date(${mppId}, ${at})
		WHERE s.mpp_id = ${mppId} AND s.active`;
	return Object.fromEntries(rows.map((r) => [r.serviceId, r.waiting]));
}

/**
 * Waiting tickets of the same service and local day that arrived before this one (by queued_at, then
 * id); with `priorityOnly`, only priority tickets among them.
 */
export async function countWaitingAhead(
	db: Db,
	t: { id: string; serviceId: string; localDate: string; queuedAt: Date; priorityOnly: boolean }
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM tickets
		WHERE service_id = ${t.serviceId} AND status = 'waiting' AND local_date = ${t.localDate}
			AND (queued_at, id) < (${t.queuedAt}, ${t.id}::uuid)
			AND (${!t.priorityOnly} OR priority_group IS NOT NULL)`;
	return row.n;
}

/**
 * Mean service seconds of the service's last 20 finished tickets of this local day (service time =
 * finish − start, start defaulting to the call: DESIGN "Statistics"), or null when none finished yet.
 */
export async function recentMeanServiceSeconds(
	db: Db,
	t: { mppId: string; serviceId: string; localDate: string }
): Promise<number | null> {
	const [row] = await db<{ mean: number | null }[]>`
		SELECT avg(seconds)::float8 AS mean FROM (
			SELECT extract(epoch FROM finished_at - coalesce(started_at, called_at)) AS seconds
			FROM tickets
			WHERE mpp_id = ${t.mppId} AND local_date = ${t.localDate} AND service_id = ${t.serviceId} AND status = 'done'
				AND finished_at IS NOT NULL AND coalesce(started_at, called_at) IS NOT NULL
			ORDER BY finished_at DESC LIMIT 20
		) recent`;
	return row.mean;
}

export async function countOpenCountersServing(db: Db, serviceId: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
		WHERE cs.service_id = ${serviceId} AND c.status = 'open' AND c.active`;
	return row.n;
}
