// Reads behind the counter console's side panel: today's work at one counter and how long the oldest
// citizen has waited per service. One query per function, no rules.
import type { Db } from './client';

export interface CounterDayCounts {
	served: number;
	noShow: number;
}

/** Tickets of this MPP-local day that ended at this counter, served and absent. */
export async function countCounterDay(
	db: Db,
	c: { mppId: string; counterId: string; localDate: string }
): Promise<CounterDayCounts> {
	// tickets_mpp_date_idx narrows to one MPP-day (at most a few thousand rows)
	const [row] = await db<CounterDayCounts[]>`
		SELECT count(*) FILTER (WHERE status = 'done')::int AS served,
			count(*) FILTER (WHERE status = 'no_show')::int AS "noShow"
		FROM tickets
		WHERE mpp_id = ${c.mppId} AND local_date = ${c.localDate} AND counter_id = ${c.counterId}
			AND status IN ('done', 'no_show')`;
	return row;
}

/** The earliest queued_at among the tickets waiting today (MPP-local) per service (services with nobody waiting are left out). */
export async function oldestWaitingByService(db: Db, serviceIds: string[]): Promise<Record<string, Date>> {
	if (serviceIds.length === 0) return {};
	const rows = await db<{ serviceId: string; since: Date }[]>`
		SELECT s.id AS "serviceId",
			(SELECT min(t.queued_at) FROM tickets t WHERE t.service_id = s.id AND t.status = 'waiting'
				AND t.local_date = mpp_local_date(s.mpp_id, now())) AS since
		FROM services s WHERE s.id = ANY(${serviceIds}::uuid[])`;
	return Object.fromEntries(rows.filter((r) => r.since).map((r) => [r.serviceId, r.since]));
}
