// Reads and writes behind the day-end sweep (queue/expire.ts, issue 10 item 5): which MPPs still have
// open tickets of an ended local day, and closing them as `expired` with their history rows.
import type { Db } from './client';
import type { TicketRecord } from './tickets';

/** The MPP's local calendar date at `at`, 'YYYY-MM-DD' (migration 0010's mpp_local_date). */
export async function mppLocalDate(db: Db, mppId: string, at: Date): Promise<string> {
	const [row] = await db<{ day: string }[]>`SELECT mpp_local_date(${mppId}, ${at})::text AS day`;
	return row.day;
}

/** MPPs with a waiting, called or serving ticket of a local day that has ended at `at` (not edge-served). */
export async function listMppsWithEndedOpenTickets(db: Db, at: Date): Promise<string[]> {
	// tickets_open_day_idx holds only open tickets, so this never reads the finished history
	const rows = await db<{ mppId: string }[]>`
		SELECT DISTINCT t.mpp_id AS "mppId" FROM tickets t JOIN mpps m ON m.id = t.mpp_id
		WHERE t.status IN ('waiting', 'called', 'serving') AND t.local_date < (${at}::timestamptz AT TIME ZONE m.timezone)::date
			-- an MPP served by an edge closes its own days there; the centre only receives them (issue 13)
			AND NOT EXISTS (SELECT 1 FROM edge_nodes e WHERE e.mpp_id = m.id AND e.revoked_at IS NULL)`;
	return rows.map((r) => r.mppId);
}

/**
 * Locks the open tickets of the MPP's ended local days, skipping rows another sweep (another node)
 * holds: that one closes them. Oldest first, at most `limit`.
 */
export async function lockEndedOpenTickets(
	db: Db,
	mppId: string,
	at: Date,
	limit: number
): Promise<string[]> {
	const rows = await db<{ id: string }[]>`
		SELECT id FROM tickets
		WHERE mpp_id = ${mppId} AND status IN ('waiting', 'called', 'serving')
			AND local_date < mpp_local_date(${mppId}, ${at})
		ORDER BY local_date, queued_at, id LIMIT ${limit}
		FOR UPDATE SKIP LOCKED`;
	return rows.map((r) => r.id);
}

/**
 * Sets the locked tickets `expired`, appends one 'expired' event each (ids given, UUIDv7 from the
 * app), and frees the counters still holding one of them. finished_at stays empty: an expired ticket
 * was never served, so it has no service time (DESIGN "Statistics").
 */
export async function expireTickets(
	db: Db,
	e: { ticketIds: string[]; eventIds: string[]; at: Date }
): Promise<{ tickets: TicketRecord[]; counterIds: string[] }> {
	const tickets = await db<TicketRecord[]>`
		WITH x AS (
			SELECT * FROM unnest(${e.ticketIds}::uuid[], ${e.eventIds}::uuid[]) AS x(ticket_id, event_id)
		), old AS (
			-- every CTE reads the same snapshot, so this is the status before the UPDATE below
			SELECT t.id, t.status FROM tickets t JOIN x ON x.ticket_id = t.id
		), t AS (
			UPDATE tickets SET status = 'expired'
			FROM x WHERE tickets.id = x.ticket_id AND tickets.status IN ('waiting', 'called', 'serving')
			RETURNING tickets.*, x.event_id
		), ev AS (
			INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, data)
			SELECT t.event_id, t.id, t.mpp_id, 'expired', ${e.at}, t.counter_id, t.service_id,
				jsonb_build_object('from', old.status, 'localDate', t.local_date::text)
			FROM t JOIN old ON old.id = t.id
		)
		SELECT t.id, t.mpp_id AS "mppId", t.service_id AS "serviceId", s.name AS "serviceName",
			t.issued_service_id AS "issuedServiceId", t.local_date::text AS "localDate", t.seq, t.number, t.status,
			t.priority_group AS "priorityGroup", t.track_code AS "trackCode", t.issued_at AS "issuedAt",
			t.queued_at AS "queuedAt", t.first_called_at AS "firstCalledAt", t.called_at AS "calledAt",
			t.call_count AS "callCount", t.started_at AS "startedAt", t.finished_at AS "finishedAt",
			t.counter_id AS "counterId", k.name AS "counterName", t.source
		FROM t JOIN services s ON s.id = t.service_id LEFT JOIN counters k ON k.id = t.counter_id
		ORDER BY t.local_date, t.queued_at, t.id`;
	const counters = await db<{ id: string }[]>`
		UPDATE counters SET current_ticket_id = NULL
		WHERE current_ticket_id = ANY(${e.ticketIds}::uuid[]) RETURNING id`;
	return { tickets, counterIds: counters.map((c) => c.id) };
}

export interface ExpiredDay {
	/** the MPP-local day the tickets belonged to, 'YYYY-MM-DD' */
	date: string;
	count: number;
	/** their numbers, in arrival order */
	numbers: string[];
}

/** Tickets of the MPP's local days [from, to] that the day-end sweep closed, per day. */
export async function listExpiredDays(
	db: Db,
	mppId: string,
	from: string,
	to: string
): Promise<ExpiredDay[]> {
	// tickets_mpp_date_idx narrows to the MPP's days; expired tickets are few
	return db<ExpiredDay[]>`
		SELECT local_date::text AS date, count(*)::int AS count, array_agg(number ORDER BY queued_at, id) AS numbers
		FROM tickets WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to} AND status = 'expired'
		GROUP BY local_date ORDER BY local_date`;
}
