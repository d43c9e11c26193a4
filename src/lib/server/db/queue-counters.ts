// Counter rows as the queue engine needs them: locked, with the MPP's queue settings.
import type { CounterStatus } from '../../domain/types';
import type { Db } from './client';

export interface QueueCounter {
	id: string;
	mppId: string;
	name: string;
	status: CounterStatus;
	active: boolean;
	currentTicketId: string | null;
	priorityStreak: number;
	/** booked tickets this counter called in a row (migration 0015) */
	bookingStreak: number;
	serviceIds: string[];
	/** the MPP's settings that govern this counter's calls */
	priorityRatio: number;
	/** at most this many booked tickets in a row while walk-ins wait */
	bookingRatio: number;
	callLimit: number;
}

export interface CounterPatch {
	status?: CounterStatus;
	status_changed_at?: Date;
	current_ticket_id?: string | null;
	priority_streak?: number;
}

/** A counter's columns as QueueCounter (alias c, its MPP m). */
export const queueCounterColumns = (db: Db) => db`
	c.id, c.mpp_id AS "mppId", c.name, c.status, c.active, c.current_ticket_id AS "currentTicketId",
	c.priority_streak AS "priorityStreak", c.booking_streak AS "bookingStreak",
	coalesce((SELECT array_agg(cs.service_id ORDER BY cs.service_id) FROM counter_services cs WHERE cs.counter_id = c.id),
		'{}') AS "serviceIds",
	m.priority_ratio AS "priorityRatio", m.booking_ratio AS "bookingRatio", m.call_limit AS "callLimit"`;

/** Locks the counter row: every operation on a counter and its current ticket takes this lock first. */
export async function lockCounter(db: Db, id: string): Promise<QueueCounter | undefined> {
	const [row] = await db<QueueCounter[]>`
		SELECT ${queueCounterColumns(db)} FROM counters c JOIN mpps m ON m.id = c.mpp_id WHERE c.id = ${id} FOR UPDATE OF c`;
	return row;
}

export async function updateQueueCounter(db: Db, id: string, patch: CounterPatch): Promise<QueueCounter> {
	const [row] = await db<QueueCounter[]>`
		WITH c AS (UPDATE counters SET ${db(patch as Record<string, unknown>)} WHERE id = ${id} RETURNING *)
		SELECT ${queueCounterColumns(db)} FROM c JOIN mpps m ON m.id = c.mpp_id`;
	return row;
}
