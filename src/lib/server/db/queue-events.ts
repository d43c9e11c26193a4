// The append-only ticket history. The per-MPP realtime sequence is taken with its bus notification
// (db/bus.ts takeSeqsAndNotify).
import type { Db } from './client';

export type TicketEventType =
	| 'issued'
	| 'called'
	| 'recalled'
	| 'started'
	| 'finished'
	| 'no_show'
	| 'transferred'
	| 'cancelled'
	| 'requeued'
	| 'expired';

export interface NewTicketEvent {
	id: string;
	ticketId: string;
	mppId: string;
	type: TicketEventType;
	at: Date;
	counterId: string | null;
	serviceId: string | null;
	userId: string | null;
	deviceId: string | null;
	data: Record<string, unknown>;
}

export interface TicketEvent extends NewTicketEvent {
	data: Record<string, unknown>;
}

export async function insertTicketEvent(db: Db, e: NewTicketEvent): Promise<void> {
	await db`
		INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id, user_id, device_id, data)
		VALUES (${e.id}, ${e.ticketId}, ${e.mppId}, ${e.type}, ${e.at}, ${e.counterId}, ${e.serviceId}, ${e.userId},
			${e.deviceId}, ${db.json(e.data as never)})`;
}

export async function listTicketEvents(db: Db, ticketId: string): Promise<TicketEvent[]> {
	return db<TicketEvent[]>`
		SELECT id, ticket_id AS "ticketId", mpp_id AS "mppId", type, at, counter_id AS "counterId",
			service_id AS "serviceId", user_id AS "userId", device_id AS "deviceId", data
		FROM ticket_events WHERE ticket_id = ${ticketId} ORDER BY at, id`;
}

/**
 * Takes the next ticket number of a service for one MPP-local day. The upserted row stays locked
 * until commit, so concurrent kiosks take numbers one after another and a refused (rolled back)
 * ticket gives its number back: the numbers stay contiguous and the quota check is exact.
 */
export async function nextDailySeq(
	db: Db,
	serviceId: string,
	localDate: string
): Promise<{ seq: number; booked: number }> {
	const [row] = await db<{ seq: number; booked: number }[]>`
		INSERT INTO ticket_daily_counters (service_id, local_date, last_seq) VALUES (${serviceId}, ${localDate}, 1)
		ON CONFLICT (service_id, local_date) DO UPDATE SET last_seq = ticket_daily_counters.last_seq + 1
		RETURNING last_seq AS seq, booked`;
	return row;
}

/**
 * The next number for a booking that becomes a ticket: its place moves from `booked` to the numbered
 * tickets in one update of the ledger row, so the day's total stays what it was.
 */
export async function nextDailySeqForBooking(db: Db, serviceId: string, localDate: string): Promise<number> {
	const [row] = await db<{ seq: number }[]>`
		UPDATE ticket_daily_counters SET last_seq = last_seq + 1, booked = booked - 1
		WHERE service_id = ${serviceId} AND local_date = ${localDate}
		RETURNING last_seq AS seq`;
	return row.seq;
}
