// The floor right now: waiting tickets per service and what every counter is doing (DESIGN
// "Statistics": waiting now, longest waiting now, counter state). Small reads over the live queue.
import type { CounterStatus } from '../../domain/types';
import type { Db } from './client';

export interface ServiceQueueRow {
	serviceId: string;
	serviceName: string;
	tenantId: string;
	targetWaitMinutes: number;
	waiting: number;
	/** issue time of the longest-waiting ticket, null when nobody waits */
	oldestIssuedAt: Date | null;
}

export async function serviceQueues(db: Db, mppId: string): Promise<ServiceQueueRow[]> {
	return db<ServiceQueueRow[]>`
		SELECT s.id AS "serviceId", s.name AS "serviceName", s.tenant_id AS "tenantId",
			s.target_wait_minutes AS "targetWaitMinutes", count(t.id)::int AS waiting, min(t.issued_at) AS "oldestIssuedAt"
		FROM services s LEFT JOIN tickets t ON t.service_id = s.id AND t.status = 'waiting'
			-- the MPP's current local day only (issue 10 item 5)
			AND t.local_date = mpp_local_date(${mppId}, now())
		WHERE s.mpp_id = ${mppId} AND s.active
		GROUP BY s.id ORDER BY s.prefix`;
}

export interface CounterStateRow {
	counterId: string;
	counterName: string;
	status: CounterStatus;
	statusChangedAt: Date;
	ticketId: string | null;
	ticketNumber: string | null;
	ticketStatus: 'called' | 'serving' | null;
	calledAt: Date | null;
	startedAt: Date | null;
	/** when this counter last finished or gave up on a ticket today */
	lastFinishedAt: Date | null;
	servedToday: number;
}

export async function counterStates(db: Db, mppId: string, today: string): Promise<CounterStateRow[]> {
	return db<CounterStateRow[]>`
		SELECT c.id AS "counterId", c.name AS "counterName", c.status, c.status_changed_at AS "statusChangedAt",
			t.id AS "ticketId", t.number AS "ticketNumber",
			CASE WHEN t.status IN ('called', 'serving') THEN t.status END AS "ticketStatus",
			t.called_at AS "calledAt", t.started_at AS "startedAt",
			d.last_finished_at AS "lastFinishedAt", coalesce(d.served, 0)::int AS "servedToday"
		FROM counters c
		LEFT JOIN tickets t ON t.id = c.current_ticket_id AND t.status IN ('called', 'serving')
			AND t.local_date = ${today}
		LEFT JOIN (
			SELECT counter_id, max(finished_at) AS last_finished_at, count(*) FILTER (WHERE status = 'done') AS served
			FROM tickets WHERE mpp_id = ${mppId} AND local_date = ${today} AND counter_id IS NOT NULL
			GROUP BY counter_id
		) d ON d.counter_id = c.id
		WHERE c.mpp_id = ${mppId} AND c.active
		ORDER BY c.name`;
}
