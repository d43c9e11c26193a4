import type { Db } from './client';

export interface Service {
	id: string;
	mppId: string;
	tenantId: string;
	code: string;
	prefix: string;
	name: string;
	targetWaitMinutes: number;
	dailyQuota: number | null;
	cutoffMinutes: number;
	expectedServiceMinutes: number;
	active: boolean;
	/** percent of a 15-minute window's throughput that may be booked (migration 0015) */
	bookingShare: number;
	bookingHorizonDays: number;
	/** local hour at which each day's slots start to be released */
	bookingReleaseHour: number;
	/** percent of the daily quota kept for priority groups */
	priorityReserveShare: number;
}

export interface NewService {
	mppId: string;
	tenantId: string;
	code: string;
	prefix: string;
	name: string;
	targetWaitMinutes?: number;
	dailyQuota?: number | null;
	cutoffMinutes?: number;
	expectedServiceMinutes?: number;
	/** the national standard service (issue 14); null = local only; absent = not decided */
	standardCode?: string | null;
	/** per cent of the daily quota kept for priority groups (0 when absent) */
	priorityReserveShare?: number;
}

const columns = (db: Db) => db`
	id, mpp_id AS "mppId", tenant_id AS "tenantId", code, prefix, name,
	target_wait_minutes AS "targetWaitMinutes", daily_quota AS "dailyQuota", cutoff_minutes AS "cutoffMinutes",
	expected_service_minutes AS "expectedServiceMinutes", active, booking_share AS "bookingShare",
	booking_horizon_days AS "bookingHorizonDays", booking_release_hour AS "bookingReleaseHour",
	priority_reserve_share AS "priorityReserveShare"`;

/** The Service columns of a query that names the services table `s` (beside joined tables). */
export const serviceColumnsOfS = (db: Db) => db`
	s.id, s.mpp_id AS "mppId", s.tenant_id AS "tenantId", s.code, s.prefix, s.name,
	s.target_wait_minutes AS "targetWaitMinutes", s.daily_quota AS "dailyQuota", s.cutoff_minutes AS "cutoffMinutes",
	s.expected_service_minutes AS "expectedServiceMinutes", s.active, s.booking_share AS "bookingShare",
	s.booking_horizon_days AS "bookingHorizonDays", s.booking_release_hour AS "bookingReleaseHour",
	s.priority_reserve_share AS "priorityReserveShare"`;

export async function insertService(db: Db, s: NewService): Promise<Service> {
	const [row] = await db<Service[]>`
		INSERT INTO services (mpp_id, tenant_id, code, prefix, name, target_wait_minutes, daily_quota,
			cutoff_minutes, expected_service_minutes, standard_code, local_only, priority_reserve_share)
		VALUES (${s.mppId}, ${s.tenantId}, ${s.code}, ${s.prefix}, ${s.name}, ${s.targetWaitMinutes ?? 30},
			${s.dailyQuota ?? null}, ${s.cutoffMinutes ?? 60}, ${s.expectedServiceMinutes ?? 10},
			${s.standardCode ?? null}, ${s.standardCode === null}, ${s.priorityReserveShare ?? 0})
		RETURNING ${columns(db)}`;
	return row;
}

export async function findService(db: Db, id: string): Promise<Service | undefined> {
	const [row] = await db<Service[]>`SELECT ${columns(db)} FROM services WHERE id = ${id}`;
	return row;
}

export interface ServiceWithWaiting extends Service {
	tenantName: string;
	waiting: number;
}

/** Active services of an MPP with the number of tickets waiting now (the MPP's local day). */
export async function listServicesWithWaiting(
	db: Db,
	mppId: string,
	at: Date = new Date()
): Promise<ServiceWithWaiting[]> {
	return db<ServiceWithWaiting[]>`
		SELECT ${serviceColumnsOfS(db)}, t.name AS "tenantName",
			-- kept by trigger (migration 0031), not counted
			coalesce((SELECT w.waiting FROM queue_waiting w
				WHERE w.service_id = s.id AND w.local_date = mpp_local_date(${mppId}, ${at})), 0) AS waiting
		FROM services s JOIN tenants t ON t.id = s.tenant_id
		WHERE s.mpp_id = ${mppId} AND s.active
		ORDER BY t.name, s.prefix`;
}
