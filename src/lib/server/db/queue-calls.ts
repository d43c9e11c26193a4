// The statements of callNext besides the counter lock. callNext is the hot path (50 counters pressing
// at once, DESIGN "Performance budgets"), so each step is one statement: the history row, the
// counter update and the waiting count travel with the ticket update instead of costing a round trip
// each. Callers hold the counter's row lock.
import type { Db } from './client';
import type { TicketRecord } from './tickets';

export interface EventMeta {
	eventId: string;
	at: Date;
	userId: string | null;
	deviceId: string | null;
	data: Record<string, unknown>;
}

const ticketColumns = (db: Db) => db`
	t.id, t.mpp_id AS "mppId", t.service_id AS "serviceId", s.name AS "serviceName",
	t.issued_service_id AS "issuedServiceId", t.local_date::text AS "localDate", t.seq, t.number, t.status,
	t.priority_group AS "priorityGroup", t.track_code AS "trackCode", t.issued_at AS "issuedAt",
	t.queued_at AS "queuedAt", t.first_called_at AS "firstCalledAt", t.called_at AS "calledAt",
	t.call_count AS "callCount", t.started_at AS "startedAt", t.finished_at AS "finishedAt",
	t.counter_id AS "counterId", k.name AS "counterName", t.source`;

/**
 * Finishes the ticket the counter is still calling or serving, if any, and records it. Needs no
 * earlier read of the counter, so it can be pipelined right behind the counter's lock.
 */
export async function finishCounterTicket(
	db: Db,
	counterId: string,
	e: EventMeta
): Promise<TicketRecord | undefined> {
	const [row] = await db<TicketRecord[]>`
		WITH t AS (
			UPDATE tickets SET status = 'done', finished_at = ${e.at}
			WHERE id = (SELECT current_ticket_id FROM counters WHERE id = ${counterId})
				AND counter_id = ${counterId} AND status IN ('called', 'serving')
				-- a ticket of an ended local day is the sweep's (expired), never a service of many hours
				AND local_date = mpp_local_date(mpp_id, ${e.at})
			RETURNING *
		), e AS (
			INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, user_id, device_id, data)
			SELECT ${e.eventId}, t.id, t.mpp_id, 'finished', ${e.at}, t.counter_id, t.service_id, ${e.userId}, ${e.deviceId},
				${db.json(e.data as never)}
			FROM t
		)
		SELECT ${ticketColumns(db)} FROM t JOIN services s ON s.id = t.service_id JOIN counters k ON k.id = t.counter_id`;
	return row;
}

export interface CalledTicket {
	ticket: TicketRecord;
	/** tickets of the called ticket's service still waiting */
	waiting: number;
}

/**
 * Calls the next ticket of one class (priority or regular) for a counter whose row the caller holds
 * locked: picks the oldest waiting ticket of that class among the counter's services, in arrival
 * order across them (queued_at, id) on the MPP's current local day only, locking exactly that one row and skipping rows other counters
 * are calling right now; sets it called at the counter; makes it the counter's current ticket with
 * the new priority streak; appends the 'called' event; and reads who still waits for its service.
 * Returns undefined when no ticket of that class could be taken.
 */
export async function callNextOfClass(
	db: Db,
	c: {
		counterId: string;
		mppId: string;
		serviceIds: string[];
		priority: boolean;
		streak: number;
		/** only tickets that are not checked-in bookings: the booked streak reached its limit */
		walkInOnly?: boolean;
	},
	e: EventMeta
): Promise<CalledTicket | undefined> {
	const ofClass = c.priority ? db`p.priority_group IS NOT NULL` : db`p.priority_group IS NULL`;
	const walkIn = c.walkInOnly ? db`AND p.source <> 'booking'` : db``;
	const [row] = await db<(TicketRecord & { waitingLeft: number })[]>`
		WITH pick AS (
			SELECT p.id FROM tickets p
			WHERE p.mpp_id = ${c.mppId} AND p.local_date = (SELECT mpp_local_date(${c.mppId}, ${e.at}))
				AND p.status = 'waiting' AND ${ofClass} ${walkIn}
				AND p.service_id = ANY(${c.serviceIds}::uuid[])
			ORDER BY p.queued_at, p.id LIMIT 1
			FOR UPDATE SKIP LOCKED
		), t AS (
			UPDATE tickets SET status = 'called', counter_id = ${c.counterId}, call_count = 1, called_at = ${e.at},
				-- wait = first call − issue: a requeued or transferred ticket keeps its first call
				first_called_at = coalesce(first_called_at, ${e.at})
			WHERE id = (SELECT id FROM pick)
			RETURNING *
		), k AS (
			UPDATE counters SET current_ticket_id = t.id, priority_streak = ${c.streak},
				booking_streak = CASE WHEN t.source = 'booking' THEN counters.booking_streak + 1 ELSE 0 END
			FROM t WHERE counters.id = ${c.counterId}
			RETURNING counters.id, counters.name
		), e AS (
			INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, user_id, device_id, data)
			SELECT ${e.eventId}, t.id, t.mpp_id, 'called', ${e.at}, ${c.counterId}, t.service_id, ${e.userId}, ${e.deviceId},
				${db.json(e.data as never)}
			FROM t
		)
		SELECT ${ticketColumns(db)},
			-- the count kept by trigger (migration 0031) changes when this statement ends: this one still
			-- sees the called ticket among the waiting
			coalesce((SELECT greatest(w.waiting - 1, 0) FROM queue_waiting w
				WHERE w.service_id = t.service_id AND w.local_date = t.local_date), 0) AS "waitingLeft"
		FROM t JOIN services s ON s.id = t.service_id JOIN k ON k.id = t.counter_id`;
	if (!row) return undefined;
	const { waitingLeft, ...ticket } = row;
	return { ticket, waiting: waitingLeft };
}
