// Reads behind the realtime snapshots. Run them inside one REPEATABLE READ transaction so they
// all see the same moment as `readEventSeq`.
import type { Db } from './client';

export async function readEventSeq(db: Db, mppId: string): Promise<number | undefined> {
	const [row] = await db<{ seq: number }[]>`SELECT seq FROM mpp_event_seq WHERE mpp_id = ${mppId}`;
	return row?.seq;
}

export interface RecentCallRow {
	ticketId: string;
	number: string;
	serviceId: string;
	counterId: string;
	counterName: string;
	calledAt: Date;
	callCount: number;
}

/** Today's latest calls in the MPP's own day (DOMAIN §6), newest first, one row per ticket. */
export async function listRecentCalls(db: Db, mppId: string, limit: number): Promise<RecentCallRow[]> {
	return db<RecentCallRow[]>`
		SELECT t.id AS "ticketId", t.number, t.service_id AS "serviceId", t.counter_id AS "counterId",
			c.name AS "counterName", t.called_at AS "calledAt", t.call_count AS "callCount"
		FROM tickets t
		JOIN mpps m ON m.id = t.mpp_id
		JOIN counters c ON c.id = t.counter_id
		WHERE t.mpp_id = ${mppId}
			AND t.local_date = (now() AT TIME ZONE m.timezone)::date
			AND t.called_at IS NOT NULL
		ORDER BY t.called_at DESC, t.id DESC
		LIMIT ${limit}`;
}

export interface ServiceWithTenantRow {
	id: string;
	prefix: string;
	name: string;
	tenantName: string;
}

export async function listServicesWithTenant(db: Db, mppId: string): Promise<ServiceWithTenantRow[]> {
	return db<ServiceWithTenantRow[]>`
		SELECT s.id, s.prefix, s.name, te.name AS "tenantName"
		FROM services s JOIN tenants te ON te.id = s.tenant_id
		WHERE s.mpp_id = ${mppId} AND s.active
		ORDER BY s.prefix`;
}
