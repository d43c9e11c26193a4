// The append-only ticket history and the per-MPP realtime sequence.
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
 * Takes this MPP's next event sequence number. The row stays locked until commit, serialising the
 * MPP's operations at this point, so callers do it last in their transaction to hold it briefly.
 * An upsert rather than a bare UPDATE: queueTransaction sends COMMIT without waiting for this answer,
 * so the statement must always yield a seq (a missing row is created) instead of returning nothing
 * after the work has already been committed.
 */
export async function nextEventSeq(db: Db, mppId: string): Promise<number> {
	const [row] = await db<{ seq: number }[]>`
		INSERT INTO mpp_event_seq (mpp_id, seq) VALUES (${mppId}, 1)
		ON CONFLICT (mpp_id) DO UPDATE SET seq = mpp_event_seq.seq + 1
		RETURNING seq`;
	return row.seq;
}

/**
 * Takes the next ticket number of a service for one MPP-local day. The upserted row stays locked
 * until commit, so concurrent kiosks take numbers one after another and a refused (rolled back)
 * ticket gives its number back: the numbers stay contiguous and the quota check is exact.
 */
export async function nextDailySeq(db: Db, serviceId: string, localDate: string): Promise<number> {
	const [row] = await db<{ seq: number }[]>`
		INSERT INTO ticket_daily_counters (service_id, local_date, last_seq) VALUES (${serviceId}, ${localDate}, 1)
		ON CONFLICT (service_id, local_date) DO UPDATE SET last_seq = ticket_daily_counters.last_seq + 1
		RETURNING last_seq AS seq`;
	return row.seq;
}
