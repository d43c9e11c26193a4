// What the demo simulator reads each tick: an MPP's counters with their current ticket, whether
// anyone waits for them, and when a signed-in person last acted there.
import type { CounterStatus, TicketStatus } from '../../domain/types';
import type { Db } from './client';

export interface SimulationCounter {
	id: string;
	status: CounterStatus;
	statusChangedAt: Date;
	currentTicketId: string | null;
	/** the current ticket's state, when there is one */
	ticketStatus: TicketStatus | null;
	ticketServiceId: string | null;
	callCount: number;
	/** a waiting ticket of a service this counter serves */
	hasWaiting: boolean;
	/** the latest ticket event here by a signed-in user since `since`, else null */
	humanActedAt: Date | null;
}

export async function listSimulationCounters(
	db: Db,
	mppId: string,
	since: Date
): Promise<SimulationCounter[]> {
	return db<SimulationCounter[]>`
		WITH human AS (
			SELECT counter_id, max(at) AS at FROM ticket_events
			WHERE mpp_id = ${mppId} AND at >= ${since} AND user_id IS NOT NULL AND counter_id IS NOT NULL
			GROUP BY counter_id
		)
		SELECT c.id, c.status, c.status_changed_at AS "statusChangedAt", c.current_ticket_id AS "currentTicketId",
			t.status AS "ticketStatus", t.service_id AS "ticketServiceId", coalesce(t.call_count, 0) AS "callCount",
			EXISTS (
				SELECT 1 FROM counter_services cs JOIN tickets w ON w.service_id = cs.service_id AND w.status = 'waiting'
				WHERE cs.counter_id = c.id AND w.local_date = mpp_local_date(${mppId}, now())
			) AS "hasWaiting",
			h.at AS "humanActedAt"
		FROM counters c
		LEFT JOIN tickets t ON t.id = c.current_ticket_id
		LEFT JOIN human h ON h.counter_id = c.id
		WHERE c.mpp_id = ${mppId} AND c.active
		ORDER BY c.name`;
}
