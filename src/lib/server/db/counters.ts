import type { CounterStatus } from '$lib/domain/types';
import type { Db } from './client';

export interface Counter {
	id: string;
	mppId: string;
	tenantId: string | null;
	name: string;
	status: CounterStatus;
	statusChangedAt: Date;
	currentTicketId: string | null;
	active: boolean;
	serviceIds: string[];
}

const columns = (db: Db) => db`
	c.id, c.mpp_id AS "mppId", c.tenant_id AS "tenantId", c.name, c.status, c.status_changed_at AS "statusChangedAt",
	c.current_ticket_id AS "currentTicketId", c.active,
	coalesce((SELECT array_agg(cs.service_id ORDER BY cs.service_id) FROM counter_services cs WHERE cs.counter_id = c.id),
		'{}') AS "serviceIds"`;

export async function insertCounter(
	db: Db,
	c: { mppId: string; tenantId?: string | null; name: string; serviceIds: string[]; status?: CounterStatus }
): Promise<Counter> {
	const [{ id }] = await db<{ id: string }[]>`
		INSERT INTO counters (mpp_id, tenant_id, name, status)
		VALUES (${c.mppId}, ${c.tenantId ?? null}, ${c.name}, ${c.status ?? 'closed'}) RETURNING id`;
	for (const serviceId of c.serviceIds) {
		await db`INSERT INTO counter_services (counter_id, service_id) VALUES (${id}, ${serviceId})`;
	}
	return (await findCounter(db, id))!;
}

export async function findCounter(db: Db, id: string): Promise<Counter | undefined> {
	const [row] = await db<Counter[]>`SELECT ${columns(db)} FROM counters c WHERE c.id = ${id}`;
	return row;
}

/** A counter's MPP (a counter never moves to another MPP). */
export async function findCounterMppId(db: Db, id: string): Promise<string | undefined> {
	const [row] = await db<{ mppId: string }[]>`SELECT mpp_id AS "mppId" FROM counters WHERE id = ${id}`;
	return row?.mppId;
}

export async function listCounters(db: Db, mppId: string): Promise<Counter[]> {
	return db<Counter[]>`
		SELECT ${columns(db)} FROM counters c WHERE c.mpp_id = ${mppId} AND c.active ORDER BY c.name`;
}

export async function assignOperator(db: Db, counterId: string, userId: string): Promise<void> {
	await db`INSERT INTO counter_operators (counter_id, user_id) VALUES (${counterId}, ${userId}) ON CONFLICT DO NOTHING`;
}

export async function isOperatorOf(db: Db, userId: string, counterId: string): Promise<boolean> {
	const [row] =
		await db`SELECT 1 FROM counter_operators WHERE user_id = ${userId} AND counter_id = ${counterId}`;
	return Boolean(row);
}

export async function listCounterIdsOfOperator(db: Db, userId: string): Promise<string[]> {
	const rows = await db<{ counterId: string }[]>`
		SELECT counter_id AS "counterId" FROM counter_operators WHERE user_id = ${userId}`;
	return rows.map((r) => r.counterId);
}

export async function listCounterIdsServing(db: Db, serviceId: string): Promise<string[]> {
	const rows = await db<{ counterId: string }[]>`
		SELECT counter_id AS "counterId" FROM counter_services WHERE service_id = ${serviceId}`;
	return rows.map((r) => r.counterId);
}

/**
 * Inside a queue transaction: whether the user is assigned to the counter, holding the assignment row
 * (FOR SHARE) so that removing it waits until the action has committed.
 */
export async function holdOperatorAssignment(db: Db, userId: string, counterId: string): Promise<boolean> {
	const rows = await db`
		SELECT 1 FROM counter_operators WHERE user_id = ${userId} AND counter_id = ${counterId} FOR SHARE`;
	return rows.length > 0;
}

/**
 * The same for a waiting ticket: assigned to any counter that serves its service. Only the assignment
 * is held: holding counter_services too could deadlock with an admin who removes a service from its
 * counters and then moves its waiting tickets (row locks in the opposite order).
 */
export async function holdOperatorOfService(db: Db, userId: string, serviceId: string): Promise<boolean> {
	const rows = await db`
		SELECT 1 FROM counter_operators co JOIN counter_services cs ON cs.counter_id = co.counter_id
		WHERE co.user_id = ${userId} AND cs.service_id = ${serviceId}
		LIMIT 1 FOR SHARE OF co`;
	return rows.length > 0;
}
