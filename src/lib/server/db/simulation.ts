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

/** Codes of the simulator's own open bookings whose check-in window is open at `now`, oldest window first. */
export async function listDueSimulatedBookings(
	db: Db,
	mppId: string,
	clientKey: string,
	now: Date,
	limit: number
): Promise<string[]> {
	const rows = await db<{ code: string }[]>`
		SELECT b.code FROM bookings b JOIN mpps m ON m.id = b.mpp_id
		WHERE b.mpp_id = ${mppId} AND b.client_key = ${clientKey} AND b.status = 'booked'
			AND ${now} BETWEEN b.slot_start - make_interval(mins => m.checkin_before_minutes)
				AND b.slot_start + make_interval(mins => m.checkin_after_minutes)
		ORDER BY b.slot_start, b.id LIMIT ${limit}`;
	return rows.map((r) => r.code);
}

/** A code of one of the simulator's open bookings for a window that starts after `after`, if any. */
export async function findLaterSimulatedBooking(
	db: Db,
	mppId: string,
	clientKey: string,
	after: Date
): Promise<string | undefined> {
	const [row] = await db<{ code: string }[]>`
		SELECT code FROM bookings
		WHERE mpp_id = ${mppId} AND client_key = ${clientKey} AND status = 'booked' AND slot_start > ${after}
		ORDER BY slot_start DESC LIMIT 1`;
	return row?.code;
}
