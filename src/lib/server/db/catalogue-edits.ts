// Tenants, services and counters as the administration edits them: inactive rows included, each
// row locked for its edit. One query per function; the rules live in $lib/server/admin.
import type { Db } from './client';

export interface TenantRow {
	id: string;
	mppId: string;
	code: string;
	name: string;
	active: boolean;
}

export interface ServiceRow {
	id: string;
	mppId: string;
	tenantId: string;
	code: string;
	prefix: string;
	name: string;
	targetWaitMinutes: number;
	dailyQuota: number | null;
	cutoffMinutes: number;
	bookingShare: number;
	bookingHorizonDays: number;
	bookingReleaseHour: number;
	priorityReserveShare: number;
	active: boolean;
	/** the national standard service it is (issue 14), null when local only or not yet decided */
	standardCode: string | null;
	localOnly: boolean;
	/** tickets waiting for this service now */
	waiting: number;
	/** active counters that serve it */
	counterIds: string[];
}

export interface CounterRow {
	id: string;
	mppId: string;
	tenantId: string | null;
	name: string;
	status: 'open' | 'paused' | 'closed';
	active: boolean;
	currentTicketId: string | null;
	serviceIds: string[];
}

const tenantColumns = (db: Db) => db`id, mpp_id AS "mppId", code, name, active`;

const serviceColumns = (db: Db) => db`
	s.id, s.mpp_id AS "mppId", s.tenant_id AS "tenantId", s.code, s.prefix, s.name,
	s.target_wait_minutes AS "targetWaitMinutes", s.daily_quota AS "dailyQuota",
	s.cutoff_minutes AS "cutoffMinutes", s.active,
	s.standard_code AS "standardCode", s.local_only AS "localOnly", s.booking_share AS "bookingShare",
	s.booking_horizon_days AS "bookingHorizonDays", s.booking_release_hour AS "bookingReleaseHour",
	s.priority_reserve_share AS "priorityReserveShare",
	-- kept by trigger (migration 0031), not counted
	coalesce((SELECT w.waiting FROM queue_waiting w
		WHERE w.service_id = s.id AND w.local_date = mpp_local_date(s.mpp_id, now())), 0) AS waiting,
	coalesce((SELECT array_agg(cs.counter_id ORDER BY cs.counter_id) FROM counter_services cs
		JOIN counters c ON c.id = cs.counter_id WHERE cs.service_id = s.id AND c.active), '{}') AS "counterIds"`;

const counterColumns = (db: Db) => db`
	c.id, c.mpp_id AS "mppId", c.tenant_id AS "tenantId", c.name, c.status, c.active,
	c.current_ticket_id AS "currentTicketId",
	coalesce((SELECT array_agg(cs.service_id ORDER BY cs.service_id) FROM counter_services cs
		WHERE cs.counter_id = c.id), '{}') AS "serviceIds"`;

export async function listTenantRows(db: Db, mppId: string): Promise<TenantRow[]> {
	return db<TenantRow[]>`
		SELECT ${tenantColumns(db)} FROM tenants WHERE mpp_id = ${mppId} ORDER BY active DESC, name`;
}

export async function lockTenantRow(db: Db, id: string): Promise<TenantRow | undefined> {
	const [row] = await db<TenantRow[]>`SELECT ${tenantColumns(db)} FROM tenants WHERE id = ${id} FOR UPDATE`;
	return row;
}

export async function insertTenantRow(
	db: Db,
	t: { mppId: string; code: string; name: string }
): Promise<TenantRow> {
	const [row] = await db<TenantRow[]>`
		INSERT INTO tenants (mpp_id, code, name) VALUES (${t.mppId}, ${t.code}, ${t.name})
		RETURNING ${tenantColumns(db)}`;
	return row;
}

export async function updateTenantRow(
	db: Db,
	id: string,
	patch: Partial<Pick<TenantRow, 'code' | 'name' | 'active'>>
): Promise<TenantRow> {
	const [row] = await db<TenantRow[]>`
		UPDATE tenants SET ${db(patch as Record<string, unknown>)} WHERE id = ${id} RETURNING ${tenantColumns(db)}`;
	return row;
}

export async function listServiceRows(db: Db, mppId: string): Promise<ServiceRow[]> {
	return db<ServiceRow[]>`
		SELECT ${serviceColumns(db)} FROM services s WHERE s.mpp_id = ${mppId} ORDER BY s.active DESC, s.prefix`;
}

export async function lockServiceRow(db: Db, id: string): Promise<ServiceRow | undefined> {
	const [row] = await db<ServiceRow[]>`
		SELECT ${serviceColumns(db)} FROM services s WHERE s.id = ${id} FOR UPDATE OF s`;
	return row;
}

export interface ServiceColumns {
	tenant_id: string;
	code: string;
	prefix: string;
	name: string;
	target_wait_minutes: number;
	daily_quota: number | null;
	cutoff_minutes: number;
	standard_code: string | null;
	local_only: boolean;
	booking_share?: number;
	booking_horizon_days?: number;
	booking_release_hour?: number;
	priority_reserve_share?: number;
	active: boolean;
}

export async function insertServiceRow(
	db: Db,
	mppId: string,
	s: Omit<ServiceColumns, 'active'>
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		INSERT INTO services ${db({ mpp_id: mppId, ...s })} RETURNING id`;
	return row.id;
}

export async function updateServiceRow(db: Db, id: string, patch: Partial<ServiceColumns>): Promise<void> {
	await db`UPDATE services SET ${db(patch as Record<string, unknown>)} WHERE id = ${id}`;
}

/** Another service of the MPP with this prefix or code, to name the clash before the database does. */
export async function findServiceClash(
	db: Db,
	mppId: string,
	s: { id: string | null; prefix: string; code: string }
): Promise<{ prefix: string; code: string; name: string } | undefined> {
	const [row] = await db<{ prefix: string; code: string; name: string }[]>`
		SELECT prefix, code, name FROM services
		WHERE mpp_id = ${mppId} AND (prefix = ${s.prefix} OR code = ${s.code})
			AND (${s.id}::uuid IS NULL OR id <> ${s.id}::uuid)
		ORDER BY (prefix = ${s.prefix}) DESC LIMIT 1`;
	return row;
}

export async function listCounterRows(db: Db, mppId: string): Promise<CounterRow[]> {
	return db<CounterRow[]>`
		SELECT ${counterColumns(db)} FROM counters c WHERE c.mpp_id = ${mppId} ORDER BY c.active DESC, c.name`;
}

export async function lockCounterRow(db: Db, id: string): Promise<CounterRow | undefined> {
	const [row] = await db<CounterRow[]>`
		SELECT ${counterColumns(db)} FROM counters c WHERE c.id = ${id} FOR UPDATE OF c`;
	return row;
}

export async function insertCounterRow(
	db: Db,
	c: { mppId: string; tenantId: string | null; name: string }
): Promise<string> {
	const [row] = await db<{ id: string }[]>`
		INSERT INTO counters (mpp_id, tenant_id, name) VALUES (${c.mppId}, ${c.tenantId}, ${c.name}) RETURNING id`;
	return row.id;
}

export async function updateCounterRow(
	db: Db,
	id: string,
	patch: { tenant_id?: string | null; name?: string; active?: boolean }
): Promise<void> {
	await db`UPDATE counters SET ${db(patch as Record<string, unknown>)} WHERE id = ${id}`;
}

export async function findCounterByName(
	db: Db,
	mppId: string,
	name: string
): Promise<{ id: string } | undefined> {
	const [row] = await db<{ id: string }[]>`
		SELECT id FROM counters WHERE mpp_id = ${mppId} AND lower(name) = lower(${name})`;
	return row;
}

/** Makes the counter serve exactly these services. */
export async function setCounterServices(db: Db, counterId: string, serviceIds: string[]): Promise<void> {
	await db`DELETE FROM counter_services WHERE counter_id = ${counterId} AND NOT (service_id = ANY(${serviceIds}::uuid[]))`;
	if (serviceIds.length === 0) return;
	await db`
		INSERT INTO counter_services (counter_id, service_id)
		SELECT ${counterId}, unnest(${serviceIds}::uuid[]) ON CONFLICT DO NOTHING`;
}

/** Makes the service served by exactly these counters. */
export async function setServiceCounters(db: Db, serviceId: string, counterIds: string[]): Promise<void> {
	await db`DELETE FROM counter_services WHERE service_id = ${serviceId} AND NOT (counter_id = ANY(${counterIds}::uuid[]))`;
	if (counterIds.length === 0) return;
	await db`
		INSERT INTO counter_services (counter_id, service_id)
		SELECT unnest(${counterIds}::uuid[]), ${serviceId} ON CONFLICT DO NOTHING`;
}

/** Waiting tickets of a service, oldest first, for a transfer one by one through the queue engine. */
export async function listWaitingTicketIds(db: Db, serviceId: string): Promise<string[]> {
	const rows = await db<{ id: string }[]>`
		SELECT id FROM tickets WHERE service_id = ${serviceId} AND status = 'waiting'
			-- an ended day's tickets are the sweep's (expired), not moved into today's queue
			AND local_date = mpp_local_date(mpp_id, now())
		ORDER BY queued_at, id`;
	return rows.map((r) => r.id);
}

/** Ticket numbers issued today for a service, so its prefix cannot change mid-day and clash. */
export async function countTicketsToday(db: Db, serviceId: string, localDate: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM tickets WHERE issued_service_id = ${serviceId} AND local_date = ${localDate}::date`;
	return row.n;
}
