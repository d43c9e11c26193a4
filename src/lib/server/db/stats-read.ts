// Reading stats: Measures per group from the rollups (closed days) or straight from tickets (today),
// and the names the groups' keys point to. One query per function; merging lives in the service.
import type { Measures } from '../../domain/kpi';
import type { Db } from './client';
import {
	groupKey,
	localHourOf,
	measuresFromFacts,
	measuresFromRollups,
	ticketFacts,
	type StatsGroupBy
} from './stats-sql';

export interface GroupMeasures extends Measures {
	/** counter/service/tenant id, 'YYYY-MM-DD', local hour or weekday; null for tickets without a counter */
	key: string | number | null;
}

export interface StatsRange {
	mppId: string;
	/** MPP-local dates, inclusive */
	from: string;
	to: string;
	groupBy: StatsGroupBy;
	/** local dates to leave out of a rollup read (a replica's rollups do not cover them yet) */
	except?: string[];
}

/**
 * From the smallest rollup that still has the grouping's key: per MPP × local hour for day, hour and
 * weekday (a few thousand rows a year), per service × counter × day for the others.
 */
export async function rollupMeasures(db: Db, r: StatsRange): Promise<GroupMeasures[]> {
	const byTime = r.groupBy === 'day' || r.groupBy === 'hour' || r.groupBy === 'weekday';
	const table = byTime ? db`stats_mpp_hourly` : db`stats_daily`;
	const tenantJoin = r.groupBy === 'tenant' ? db`JOIN services s ON s.id = r.service_id` : db``;
	const tenantKey =
		r.groupBy === 'tenant' ? db`s.tenant_id::text` : groupKey(db, r.groupBy, 'rollups', r.mppId);
	return db<GroupMeasures[]>`
		SELECT ${tenantKey} AS key, ${measuresFromRollups(db)}
		FROM ${table} r ${tenantJoin}
		WHERE r.mpp_id = ${r.mppId} AND r.local_date BETWEEN ${r.from} AND ${r.to}
			AND NOT r.local_date = ANY(${r.except ?? []}::date[])
		GROUP BY 1`;
}

/** The same answer computed from the tickets themselves: for today, and for checking the rollups. */
export async function ticketMeasures(db: Db, r: StatsRange): Promise<GroupMeasures[]> {
	return db<GroupMeasures[]>`
		SELECT ${groupKey(db, r.groupBy, 'facts', r.mppId)} AS key, ${measuresFromFacts(db)}
		FROM (${ticketFacts(db, r.mppId, r.from, r.to)}) f
		GROUP BY 1`;
}

export interface StatsNames {
	services: Map<string, { name: string; tenantId: string }>;
	tenants: Map<string, string>;
	counters: Map<string, string>;
}

/** Names of every service, tenant and counter of an MPP, inactive ones too: history still names them. */
export async function statsNames(db: Db, mppId: string): Promise<StatsNames> {
	const rows = await db<
		{ kind: 'service' | 'tenant' | 'counter'; id: string; name: string; tenantId: string | null }[]
	>`
		SELECT 'service' AS kind, id, name, tenant_id AS "tenantId" FROM services WHERE mpp_id = ${mppId}
		UNION ALL SELECT 'tenant', id, name, NULL FROM tenants WHERE mpp_id = ${mppId}
		UNION ALL SELECT 'counter', id, name, NULL FROM counters WHERE mpp_id = ${mppId}`;
	const names: StatsNames = { services: new Map(), tenants: new Map(), counters: new Map() };
	for (const row of rows) {
		if (row.kind === 'service') names.services.set(row.id, { name: row.name, tenantId: row.tenantId! });
		else if (row.kind === 'tenant') names.tenants.set(row.id, row.name);
		else names.counters.set(row.id, row.name);
	}
	return names;
}

export interface WeekdayHourMeasures extends Measures {
	/** MPP-local weekday, 0 = Sunday … 6 = Saturday */
	weekday: number;
	/** MPP-local clock hour, 0–23 */
	hour: number;
}

/** Measures per local weekday × hour of closed days, from the MPP-hour rollup (the history heatmap). */
export async function rollupWeekdayHours(
	db: Db,
	r: Omit<StatsRange, 'groupBy'>
): Promise<WeekdayHourMeasures[]> {
	return db<WeekdayHourMeasures[]>`
		SELECT extract(dow FROM r.local_date)::int AS weekday, r.local_hour::int AS hour, ${measuresFromRollups(db)}
		FROM stats_mpp_hourly r
		WHERE r.mpp_id = ${r.mppId} AND r.local_date BETWEEN ${r.from} AND ${r.to}
			AND NOT r.local_date = ANY(${r.except ?? []}::date[])
		GROUP BY 1, 2`;
}

/** The same from the tickets themselves, for today. */
export async function ticketWeekdayHours(
	db: Db,
	r: Omit<StatsRange, 'groupBy'>
): Promise<WeekdayHourMeasures[]> {
	return db<WeekdayHourMeasures[]>`
		SELECT extract(dow FROM local_date)::int AS weekday, ${localHourOf(db, r.mppId)} AS hour,
			${measuresFromFacts(db)}
		FROM (${ticketFacts(db, r.mppId, r.from, r.to)}) f
		GROUP BY 1, 2`;
}
