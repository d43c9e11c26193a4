// Ticket rows: one query per function, no rules (rules live in $lib/server/queue).
import type { PriorityGroup, TicketStatus } from '../../domain/types';
import type { Db } from './client';

/** Where a ticket came from; 'booking' is a booking checked in (migration 0015). */
export type TicketSource = 'kiosk' | 'staff' | 'online' | 'booking';

/** A ticket row joined with the names every view shows. */
export interface TicketRecord {
	id: string;
	mppId: string;
	serviceId: string;
	serviceName: string;
	issuedServiceId: string;
	localDate: string;
	seq: number;
	number: string;
	status: TicketStatus;
	priorityGroup: PriorityGroup | null;
	trackCode: string;
	issuedAt: Date;
	queuedAt: Date;
	firstCalledAt: Date | null;
	calledAt: Date | null;
	callCount: number;
	startedAt: Date | null;
	finishedAt: Date | null;
	counterId: string | null;
	counterName: string | null;
	source: TicketSource;
}

export interface NewTicket {
	id: string;
	mppId: string;
	serviceId: string;
	localDate: string;
	seq: number;
	number: string;
	priorityGroup: PriorityGroup | null;
	trackCode: string;
	issuedAt: Date;
	source: TicketSource;
	/** arrival order; a checked-in booking queues from its slot start (defaults to issuedAt) */
	queuedAt?: Date;
	bookedSlotStart?: Date | null;
}

/** Columns a queue operation may change, in database spelling. */
export interface TicketPatch {
	status?: TicketStatus;
	service_id?: string;
	counter_id?: string | null;
	call_count?: number;
	first_called_at?: Date | null;
	called_at?: Date | null;
	started_at?: Date | null;
	finished_at?: Date | null;
}

// `t` is the tickets row (or a CTE of it), `s` its service, `c` its counter.
const columns = (db: Db) => db`
	t.id, t.mpp_id AS "mppId", t.service_id AS "serviceId", s.name AS "serviceName",
	t.issued_service_id AS "issuedServiceId", t.local_date::text AS "localDate", t.seq, t.number, t.status,
	t.priority_group AS "priorityGroup", t.track_code AS "trackCode", t.issued_at AS "issuedAt",
	t.queued_at AS "queuedAt", t.first_called_at AS "firstCalledAt", t.called_at AS "calledAt",
	t.call_count AS "callCount", t.started_at AS "startedAt", t.finished_at AS "finishedAt",
	t.counter_id AS "counterId", c.name AS "counterName", t.source`;

export async function insertTicket(db: Db, t: NewTicket): Promise<TicketRecord> {
	const [row] = await db<TicketRecord[]>`
		WITH t AS (
			INSERT INTO tickets (id, mpp_id, service_id, issued_service_id, local_date, seq, number, status,
				priority_group, track_code, issued_at, queued_at, source, booked_slot_start)
			VALUES (${t.id}, ${t.mppId}, ${t.serviceId}, ${t.serviceId}, ${t.localDate}, ${t.seq}, ${t.number}, 'waiting',
				${t.priorityGroup}, ${t.trackCode}, ${t.issuedAt}, ${t.queuedAt ?? t.issuedAt}, ${t.source},
				${t.bookedSlotStart ?? null})
			RETURNING *
		)
		SELECT ${columns(db)} FROM t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id`;
	return row;
}

export async function findTicketRecord(db: Db, id: string): Promise<TicketRecord | undefined> {
	const [row] = await db<TicketRecord[]>`
		SELECT ${columns(db)} FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
		WHERE t.id = ${id}`;
	return row;
}

export async function findTicketRecordByTrackCode(
	db: Db,
	trackCode: string
): Promise<TicketRecord | undefined> {
	const [row] = await db<TicketRecord[]>`
		SELECT ${columns(db)} FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
		WHERE t.track_code = ${trackCode}`;
	return row;
}

/** The counter a ticket is at, read without a lock, so that callers can lock the counter first. */
export async function findTicketCounterId(
	db: Db,
	id: string
): Promise<{ counterId: string | null; mppId: string } | undefined> {
	const [row] = await db<{ counterId: string | null; mppId: string }[]>`
		SELECT counter_id AS "counterId", mpp_id AS "mppId" FROM tickets WHERE id = ${id}`;
	return row;
}

export async function lockTicket(db: Db, id: string): Promise<TicketRecord | undefined> {
	const [row] = await db<TicketRecord[]>`
		SELECT ${columns(db)} FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
		WHERE t.id = ${id} FOR UPDATE OF t`;
	return row;
}

export async function updateTicket(db: Db, id: string, patch: TicketPatch): Promise<TicketRecord> {
	const [row] = await db<TicketRecord[]>`
		WITH t AS (UPDATE tickets SET ${db(patch as Record<string, unknown>)} WHERE id = ${id} RETURNING *)
		SELECT ${columns(db)} FROM t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id`;
	return row;
}
