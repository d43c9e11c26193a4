// SQL fragments shared by the stats data modules: the per-ticket facts (wait, service, buckets) and
// the measures of src/lib/domain/kpi.ts, computed from tickets or summed from rollup rows. One
// definition, so a rollup row and a live aggregate of the same tickets are the same numbers.
import { bucketCount, bucketThresholds } from '../../domain/histogram';
import type { Db } from './client';

export type StatsGroupBy = 'counter' | 'service' | 'tenant' | 'day' | 'hour' | 'weekday' | 'source';

const indexes = Array.from({ length: bucketCount }, (_, i) => i);

// These strings are built from loop indices and fixed column names only, never from input, which is
// what makes db.unsafe safe here: 35 FILTERed counts (or 35 element sums) per histogram in one pass.
const histogramBuild = (bucket: 'wb' | 'sb') =>
	`ARRAY[${indexes.map((i) => `count(*) FILTER (WHERE ${bucket} = ${i})`).join(', ')}]::int[]`;
const histogramSum = (column: 'wait_hist' | 'service_hist') =>
	`ARRAY[${indexes.map((i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;
const waitBuild = histogramBuild('wb');
const serviceBuild = histogramBuild('sb');
const waitSum = histogramSum('wait_hist');
const serviceSum = histogramSum('service_hist');

/**
 * One row per ticket of an MPP's local days [from, to]: its day and hour, service, tenant, counter,
 * status, wait (first call − issue) and service time (finish − start, start defaulting to the call;
 * done tickets only), both in seconds, their histogram buckets, and whether the wait met the service's
 * target (DESIGN "Statistics").
 */
export function ticketFacts(db: Db, mppId: string, from: string, to: string) {
	return facts(db, db`tickets t`, db`t.mpp_id = ${mppId} AND t.local_date BETWEEN ${from} AND ${to}`);
}

/** ticketFacts of many MPPs at once, each over its own local dates (the ministry's "today"). */
export function ticketFactsOfRanges(
	db: Db,
	ranges: { mppId: string; from: string; to: string }[],
	/** only these services' tickets (a standard service's MPP services), filtered in the index scan */
	serviceIds: string[] | null = null
) {
	// LATERAL, kept from being flattened into a join by OFFSET 0: one index range scan per MPP, never
	// a scan of every ticket in the country
	return facts(
		db,
		db`unnest(${ranges.map((r) => r.mppId)}::uuid[], ${ranges.map((r) => r.from)}::date[],
			${ranges.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)
			CROSS JOIN LATERAL (
				SELECT * FROM tickets x WHERE x.mpp_id = g.mpp_id AND x.local_date BETWEEN g.date_from AND g.date_to
					${serviceIds ? db`AND x.service_id = ANY(${serviceIds}::uuid[])` : db``}
				OFFSET 0
			) t`,
		db`true`
	);
}

/** `source` names the tickets `t`: the table itself, or a LATERAL of it. */
function facts(db: Db, source: ReturnType<Db>, where: ReturnType<Db>) {
	// OFFSET 0 keeps PostgreSQL from pulling this subquery up into the aggregate above it, which would
	// recompute the wait, its bucket and the time-zone hour once per FILTER (70 times per ticket).
	// The hour is binned arithmetically (date_bin) and turned into the local hour only per group: a
	// time-zone conversion per ticket costs more than the rest of the row. Durations come from
	// date_part, which is float8 already: extract() computes an exact numeric first, and converting it
	// cost a sixth of the whole scan of every MPP's today.
	return db`
		SELECT t.mpp_id, t.local_date, date_bin('1 hour', t.issued_at, '2000-01-01 00:00:00+00') AS hour_utc,
			t.service_id, s.tenant_id, t.counter_id, t.status, d.wait, d.service,
			-- a booking checked in on time (issue 12); a late one became a walk-in ticket
			t.source = 'booking' AS booked,
			d.wait <= s.target_wait_minutes * 60 AS within_target,
			width_bucket(d.wait, ${bucketThresholds as number[]}::float8[]) AS wb,
			width_bucket(d.service, ${bucketThresholds as number[]}::float8[]) AS sb
		FROM ${source}
		JOIN services s ON s.id = t.service_id
		CROSS JOIN LATERAL (
			-- an expired ticket (its day ended while it was open, issue 10 item 5) counts as issued only:
			-- no wait, no service time, and never as a no-show
			SELECT CASE WHEN t.status <> 'expired' THEN date_part('epoch', t.first_called_at - t.issued_at) END AS wait,
				CASE WHEN t.status = 'done'
					THEN date_part('epoch', t.finished_at - coalesce(t.started_at, t.called_at)) END AS service
		) d
		WHERE ${where}
		OFFSET 0`;
}

/** The Measures of a group of ticketFacts rows, in the column order of the rollup tables. */
export function measuresFromFacts(db: Db) {
	return db`
		count(*)::int AS issued,
		count(wait)::int AS called,
		count(*) FILTER (WHERE status = 'done')::int AS served,
		count(*) FILTER (WHERE status = 'no_show')::int AS "noShow",
		count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
		coalesce(sum(wait), 0)::float8 AS "waitSum",
		${db.unsafe(waitBuild)} AS "waitHistogram",
		coalesce(sum(service), 0)::float8 AS "serviceSum",
		count(service)::int AS "serviceCount",
		${db.unsafe(serviceBuild)} AS "serviceHistogram",
		count(*) FILTER (WHERE within_target)::int AS "withinTarget"`;
}

/** The Measures of a group of rollup rows (stats_hourly or stats_daily), in the same column order. */
export function measuresFromRollups(db: Db) {
	return db`
		coalesce(sum(issued), 0)::int AS issued,
		coalesce(sum(called), 0)::int AS called,
		coalesce(sum(served), 0)::int AS served,
		coalesce(sum(no_show), 0)::int AS "noShow",
		coalesce(sum(cancelled), 0)::int AS cancelled,
		coalesce(sum(wait_sum), 0)::float8 AS "waitSum",
		${db.unsafe(waitSum)} AS "waitHistogram",
		coalesce(sum(service_sum), 0)::float8 AS "serviceSum",
		coalesce(sum(service_count), 0)::int AS "serviceCount",
		${db.unsafe(serviceSum)} AS "serviceHistogram",
		coalesce(sum(within_target), 0)::int AS "withinTarget"`;
}

/** The MPP-local clock hour of an hour_utc column; the zone is looked up once per statement. */
export function localHourOf(db: Db, mppId: string) {
	return db`extract(hour FROM hour_utc AT TIME ZONE (SELECT timezone FROM mpps WHERE id = ${mppId}))::smallint`;
}

/**
 * The grouping key over ticketFacts or rollup rows (both name their columns alike; tenant_id comes
 * from services joined as `s` for rollups). Fixed strings chosen by an enum, never input.
 */
export function groupKey(db: Db, groupBy: StatsGroupBy, source: 'facts' | 'rollups', mppId: string) {
	if (groupBy === 'hour') return source === 'facts' ? localHourOf(db, mppId) : db`local_hour::int`;
	const expressions: Record<Exclude<StatsGroupBy, 'hour'>, string> = {
		counter: 'counter_id::text',
		service: 'service_id::text',
		tenant: 'tenant_id::text',
		day: 'local_date::text',
		weekday: 'extract(dow FROM local_date)::int',
		source: "CASE WHEN booked THEN 'booked' ELSE 'walk_in' END"
	};
	return db.unsafe(expressions[groupBy]);
}
