// Reads behind positions, wait estimates and the waiting counts every queue change carries.
import type { Db } from './client';

/** Waiting tickets per service id, zero for services with none. */
export async function countWaiting(db: Db, serviceIds: string[]): Promise<Record<string, number>> {
	if (serviceIds.length === 0) return {};
	const rows = await db<{ serviceId: string; waiting: number }[]>`
		SELECT s.id AS "serviceId",
			(SELECT count(*)::int FROM tickets t WHERE t.service_id = s.id AND t.status = 'waiting') AS waiting
		FROM unnest(${serviceIds}::uuid[]) AS s (id)`;
	return Object.fromEntries(rows.map((r) => [r.serviceId, r.waiting]));
}

/** Waiting tickets per service of an MPP (active services, zero included). */
export async function countWaitingInMpp(db: Db, mppId: string): Promise<Record<string, number>> {
	const rows = await db<{ serviceId: string; waiting: number }[]>`
		SELECT s.id AS "serviceId",
			(SELECT count(*)::int FROM tickets t WHERE t.service_id = s.id AND t.status = 'waiting') AS waiting
		FROM services s WHERE s.mpp_id = ${mppId} AND s.active`;
	return Object.fromEntries(rows.map((r) => [r.serviceId, r.waiting]));
}

/**
 * Waiting tickets of the same service that arrived before this one (by queued_at, then id); with
 * `priorityOnly`, only priority tickets among them.
 */
export async function countWaitingAhead(
	db: Db,
	t: { id: string; serviceId: string; queuedAt: Date; priorityOnly: boolean }
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM tickets
		WHERE service_id = ${t.serviceId} AND status = 'waiting' AND (queued_at, id) < (${t.queuedAt}, ${t.id}::uuid)
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
