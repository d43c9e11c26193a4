// The statements of callNext. callNext is the hot path (50 counters pressing at once, DESIGN
// "Performance budgets"), so a call is two statements: the counter's lock with a lock-free peek at
// the heads of its queue, then the finish of its current ticket with the pick and call of the next.
// The history rows, the counter update and the waiting count travel with them instead of costing a
// statement each (every statement costs PostgreSQL a bind, an executor start-up and a send).
import type { Db } from './client';
import { queueCounterColumns, type QueueCounter } from './queue-counters';
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

export interface WaitingHead {
	id: string;
	priority: boolean;
	queuedAt: Date;
	/** a checked-in booking (queued from its slot start) */
	booked: boolean;
}

export interface CounterForCall extends QueueCounter {
	/** the MPP's local date at the call: the only day whose tickets the counter may call */
	localDate: string;
	/** the oldest waiting ticket of each class among the counter's services, read without locks */
	heads: WaitingHead[];
}

/** The head of one class: its MPP's waiting queue walked in arrival order to the first of the counter's services. */
const classHead = (db: Db, priority: boolean) => db`
	LEFT JOIN LATERAL (
		SELECT t.id, t.queued_at, t.source = 'booking' AS booked FROM tickets t
		WHERE t.mpp_id = c.mpp_id AND t.local_date = d.local_date AND t.status = 'waiting'
			AND ${priority ? db`t.priority_group IS NOT NULL` : db`t.priority_group IS NULL`}
			AND t.service_id IN (SELECT service_id FROM counter_services WHERE counter_id = c.id)
		ORDER BY t.queued_at, t.id LIMIT 1
	) ${db(priority ? 'ph' : 'rh')} ON true`;

/** The lock's row: the counter, its day, and the two heads (ph priority, rh regular; null when none). */
interface LockedRow extends QueueCounter {
	localDate: string;
	phId: string | null;
	phQueuedAt: Date;
	phBooked: boolean;
	rhId: string | null;
	rhQueuedAt: Date;
	rhBooked: boolean;
}

/**
 * Locks the counter row (as lockCounter) and, in the same statement, peeks without locks at the
 * oldest waiting priority and regular ticket of its services on the MPP's current local day: enough
 * to decide which class it calls next (a ticket of an ended day is never called, issue 10 item 5).
 * Each class walks its own partial index. Writes nothing, so every refusal can still be decided after it.
 */
export async function lockCounterForCall(
	db: Db,
	counterId: string,
	at: Date
): Promise<CounterForCall | undefined> {
	const [row] = await db<LockedRow[]>`
		SELECT ${queueCounterColumns(db)}, d.local_date::text AS "localDate",
			ph.id AS "phId", ph.queued_at AS "phQueuedAt", ph.booked AS "phBooked",
			rh.id AS "rhId", rh.queued_at AS "rhQueuedAt", rh.booked AS "rhBooked"
		FROM counters c JOIN mpps m ON m.id = c.mpp_id
			CROSS JOIN LATERAL (SELECT (${at}::timestamptz AT TIME ZONE m.timezone)::date AS local_date) d
			${classHead(db, true)}
			${classHead(db, false)}
		WHERE c.id = ${counterId}
		FOR UPDATE OF c`;
	if (!row) return undefined;
	const { phId, phQueuedAt, phBooked, rhId, rhQueuedAt, rhBooked, ...counter } = row;
	const heads: WaitingHead[] = [];
	if (phId) heads.push({ id: phId, priority: true, queuedAt: phQueuedAt, booked: phBooked });
	if (rhId) heads.push({ id: rhId, priority: false, queuedAt: rhQueuedAt, booked: rhBooked });
	return { ...counter, heads };
}

/** The ticket a counter still calls or serves, to finish with its next call. */
export interface Finish {
	ticketId: string;
	event: EventMeta;
}

/** The finish of a counter's current ticket as a CTE `f` (with its history row): nothing if it is done already. */
const finishCte = (db: Db, c: { counterId: string; localDate: string }, f: Finish) => db`
	f AS (
		UPDATE tickets SET status = 'done', finished_at = ${f.event.at}
		WHERE id = ${f.ticketId} AND counter_id = ${c.counterId} AND status IN ('called', 'serving')
			-- a ticket of an ended local day is the sweep's (expired), never a service of many hours
			AND local_date = ${c.localDate}::date
		RETURNING *
	), fe AS (
		INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, user_id, device_id, data)
		SELECT ${f.event.eventId}, f.id, f.mpp_id, 'finished', ${f.event.at}, f.counter_id, f.service_id,
			${f.event.userId}, ${f.event.deviceId}, ${db.json(f.event.data as never)}
		FROM f
	)`;

/**
 * Finishes the ticket a locked counter is still calling or serving, if it is, and records it: the
 * press that finds nobody waiting.
 */
export async function finishCounterTicket(
	db: Db,
	c: { counterId: string; localDate: string },
	f: Finish
): Promise<TicketRecord | undefined> {
	const [row] = await db<TicketRecord[]>`
		WITH ${finishCte(db, c, f)}
		SELECT ${ticketColumns(db)} FROM f t JOIN services s ON s.id = t.service_id JOIN counters k ON k.id = t.counter_id`;
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
 * order across them (queued_at, id) on the MPP's current local day only, locking exactly that one row
 * and skipping rows other counters are calling right now; sets it called at the counter; makes it the
 * counter's current ticket with the new priority streak; appends the 'called' event; and reads who
 * still waits for its service. With `finish`, the same statement first finishes the counter's current
 * ticket (whether or not a ticket of this class could be taken). Returns what was called and finished.
 */
export async function callNextOfClass(
	db: Db,
	c: {
		counterId: string;
		mppId: string;
		/** the MPP's current local day (lockCounterForCall): tickets of an ended day are never called */
		localDate: string;
		serviceIds: string[];
		priority: boolean;
		streak: number;
		/** only tickets that are not checked-in bookings: the booked streak reached its limit */
		walkInOnly?: boolean;
		finish?: Finish;
	},
	e: EventMeta
): Promise<{ called?: CalledTicket; finished?: TicketRecord }> {
	const ofClass = c.priority ? db`p.priority_group IS NOT NULL` : db`p.priority_group IS NULL`;
	const walkIn = c.walkInOnly ? db`AND p.source <> 'booking'` : db``;
	const rows = await db<(TicketRecord & { finished: boolean; waitingLeft: number | null })[]>`
		WITH ${c.finish ? db`${finishCte(db, c, c.finish)},` : db``} pick AS (
			SELECT p.id FROM tickets p
			WHERE p.mpp_id = ${c.mppId} AND p.local_date = ${c.localDate}::date
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
		SELECT ${ticketColumns(db)}, false AS finished,
			-- the count kept by trigger (migration 0031) changes when this statement ends: this one still
			-- sees the called ticket among the waiting
			coalesce((SELECT greatest(w.waiting - 1, 0) FROM queue_waiting w
				WHERE w.service_id = t.service_id AND w.local_date = t.local_date), 0) AS "waitingLeft"
		FROM t JOIN services s ON s.id = t.service_id JOIN k ON k.id = t.counter_id
		${
			c.finish
				? db`UNION ALL
		SELECT ${ticketColumns(db)}, true, NULL FROM f t JOIN services s ON s.id = t.service_id
			JOIN counters k ON k.id = t.counter_id`
				: db``
		}`;
	const result: { called?: CalledTicket; finished?: TicketRecord } = {};
	for (const { finished, waitingLeft, ...ticket } of rows) {
		if (finished) result.finished = ticket;
		else result.called = { ticket, waiting: waitingLeft ?? 0 };
	}
	return result;
}
