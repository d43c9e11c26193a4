// The stats of one MPP over MPP-local days, grouped one way (issue 4's GET …/stats). Closed days come
// from the rollups (caught up first), today from the tickets themselves; both are Measures, merged by
// adding, so a day that moves from "today" to "rolled" gives the same numbers. `sql` may read a replica
// (DATABASE_READ_URL): the rollups are caught up on its primary, and days the replica has not got
// rolled yet are read from its tickets (./replica-lag).
import { kpisOf, mergeMeasures, roundKpis, type Kpis, type Measures } from '../../domain/kpi';
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import { writerFor, type Sql } from '../db/client';
import {
	rollupMeasures,
	statsNames,
	ticketMeasures,
	type GroupMeasures,
	type StatsNames
} from '../db/stats-read';
import type { StatsGroupBy } from '../db/stats-sql';
import { ikmForStats, ikmTotalsByGroup, type StatsIkm } from './ikm';
import { daysNotRolledOnReplica } from './replica-lag';
import { catchUpStats, consecutiveRanges } from './rollup';

export type { StatsGroupBy };
export const statsGroupBys = ['counter', 'service', 'tenant', 'day', 'hour', 'weekday', 'source'] as const;

export interface StatsQuery {
	/** MPP-local dates, inclusive */
	from: string;
	to: string;
	groupBy: StatsGroupBy;
}

export interface StatsRowKey {
	counterId?: string | null;
	counterName?: string | null;
	serviceId?: string;
	serviceName?: string | null;
	tenantId?: string;
	tenantName?: string | null;
	date?: string;
	/** MPP-local clock hour, 0–23 */
	hour?: number;
	/** MPP-local weekday, 0 = Sunday … 6 = Saturday */
	weekday?: number;
	/** walk-in, or a booking checked in on time (issue 12) */
	source?: 'walk_in' | 'booked';
}

export type StatsRow = StatsRowKey & Kpis & { ikm: StatsIkm };

export interface StatsResult {
	mppId: string;
	from: string;
	to: string;
	groupBy: StatsGroupBy;
	rows: StatsRow[];
	total: Kpis & { ikm: StatsIkm };
}

export async function mppStats(
	sql: Sql,
	mpp: { id: string; timezone: string },
	query: StatsQuery,
	now = new Date()
): Promise<StatsResult> {
	const today = localDate(now, mpp.timezone);
	const yesterday = addDays(today, -1);
	const closedTo = query.to < yesterday ? query.to : yesterday;
	const liveFrom = query.from > today ? query.from : today;
	const range = { mppId: mpp.id, groupBy: query.groupBy };

	const rolled = async () => {
		if (query.from > closedTo) return [];
		await catchUpStats(writerFor(sql), mpp, now);
		// on a replica that has not replayed those rollups yet, its own tickets answer for the days
		const lagging = await daysNotRolledOnReplica(sql, mpp, { from: query.from, to: closedTo }, now);
		const parts = await Promise.all([
			rollupMeasures(sql, { ...range, from: query.from, to: closedTo, except: lagging }),
			...consecutiveRanges(lagging).map(([from, to]) => ticketMeasures(sql, { ...range, from, to }))
		]);
		return parts.flat();
	};
	const live = async () =>
		liveFrom <= query.to ? ticketMeasures(sql, { ...range, from: liveFrom, to: query.to }) : [];
	const [fromRollups, fromTickets, names, ikm] = await Promise.all([
		rolled(),
		live(),
		statsNames(sql, mpp.id),
		ikmTotalsByGroup(sql, { ...range, from: query.from, to: query.to })
	]);

	const groups = mergeByKey([...fromRollups, ...fromTickets]);
	const rows = [...groups.values()].map(({ key, measures }) => ({
		...rowKey(query.groupBy, key, names),
		...roundKpis(kpisOf(measures)),
		ikm: ikmForStats(ikm.byKey.get(String(key)), measures.served)
	}));
	rows.sort(compareRows(query.groupBy));
	const total = mergeMeasures([...groups.values()].map((g) => g.measures));
	return {
		mppId: mpp.id,
		from: query.from,
		to: query.to,
		groupBy: query.groupBy,
		rows,
		total: { ...roundKpis(kpisOf(total)), ikm: ikmForStats(ikm.total, total.served) }
	};
}

function mergeByKey(parts: GroupMeasures[]) {
	const groups = new Map<string, { key: string | number | null; measures: Measures }>();
	for (const { key, ...measures } of parts) {
		const id = String(key);
		const group = groups.get(id);
		if (group) group.measures = mergeMeasures([group.measures, measures]);
		else groups.set(id, { key, measures });
	}
	return groups;
}

function rowKey(groupBy: StatsGroupBy, key: string | number | null, names: StatsNames): StatsRowKey {
	switch (groupBy) {
		case 'counter':
			// tickets that never reached a counter (still waiting, cancelled) form a row of their own
			return {
				counterId: key as string | null,
				counterName: key ? (names.counters.get(key as string) ?? null) : null
			};
		case 'service':
			return { serviceId: key as string, serviceName: names.services.get(key as string)?.name ?? null };
		case 'tenant':
			return { tenantId: key as string, tenantName: names.tenants.get(key as string) ?? null };
		case 'day':
			return { date: key as string };
		case 'hour':
			return { hour: Number(key) };
		case 'weekday':
			return { weekday: Number(key) };
		case 'source':
			return { source: key as 'walk_in' | 'booked' };
	}
}

function compareRows(groupBy: StatsGroupBy): (a: StatsRow, b: StatsRow) => number {
	const byName = (name: (r: StatsRow) => string | null | undefined) => (a: StatsRow, b: StatsRow) =>
		(name(a) ?? '\uffff').localeCompare(name(b) ?? '\uffff', 'id', { numeric: true });
	switch (groupBy) {
		case 'counter':
			return byName((r) => r.counterName);
		case 'service':
			return byName((r) => r.serviceName);
		case 'tenant':
			return byName((r) => r.tenantName);
		case 'day':
			return (a, b) => a.date!.localeCompare(b.date!);
		case 'hour':
			return (a, b) => a.hour! - b.hour!;
		case 'weekday':
			return (a, b) => a.weekday! - b.weekday!;
		case 'source':
			// walk-ins first
			return (a, b) => (a.source === b.source ? 0 : a.source === 'walk_in' ? -1 : 1);
	}
}
