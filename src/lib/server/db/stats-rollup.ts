// Writing the stats rollups: rebuild whole MPP-local days from tickets (idempotent), and the catch-up
// state that tells which closed days still need it. Rules about when live in $lib/server/stats/rollup.
import type { Db } from './client';
import { localHourOf, measuresFromFacts, measuresFromRollups, ticketFacts } from './stats-sql';

/** Replaces the hourly and daily rollups of an MPP's local days [from, to] with fresh ones from tickets. */
export async function rebuildRollups(db: Db, mppId: string, from: string, to: string): Promise<void> {
	// Right after a bulk COPY the planner still thinks tickets is nearly empty and joins services by
	// one index probe per ticket; a hash join is what months of tickets need (the caller's transaction).
	await db`SET LOCAL enable_nestloop = off`;
	await db`DELETE FROM stats_hourly WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	await db`DELETE FROM stats_daily WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	await db`
		INSERT INTO stats_hourly (mpp_id, local_date, hour_utc, local_hour, service_id, counter_id, booked, issued,
			called, served, no_show, cancelled, wait_sum, wait_hist, service_sum, service_count, service_hist,
			within_target)
		SELECT ${mppId}, local_date, hour_utc, ${localHourOf(db, mppId)}, service_id, counter_id, booked,
			${measuresFromFacts(db)}
		FROM (${ticketFacts(db, mppId, from, to)}) f
		GROUP BY local_date, hour_utc, service_id, counter_id, booked`;
	await db`
		INSERT INTO stats_daily (mpp_id, local_date, service_id, counter_id, booked, issued, called, served,
			no_show, cancelled, wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
		SELECT mpp_id, local_date, service_id, counter_id, booked, ${measuresFromRollups(db)}
		FROM stats_hourly WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}
		GROUP BY mpp_id, local_date, service_id, counter_id, booked`;
	await db`DELETE FROM stats_mpp_hourly WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	await db`
		INSERT INTO stats_mpp_hourly (mpp_id, local_date, local_hour, issued, called, served, no_show, cancelled,
			wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
		SELECT mpp_id, local_date, local_hour, ${measuresFromRollups(db)}
		FROM stats_hourly WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}
		GROUP BY mpp_id, local_date, local_hour`;
	await db`DELETE FROM stats_mpp_days WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	await db`
		INSERT INTO stats_mpp_days (mpp_id, local_date, issued, called, served, no_show, cancelled,
			wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
		SELECT mpp_id, local_date, ${measuresFromRollups(db)}
		FROM stats_mpp_hourly WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}
		GROUP BY mpp_id, local_date`;
	// the weeks and months around [from, to], rebuilt whole from their days
	await db`
		DELETE FROM stats_mpp_periods p USING (VALUES ('week'), ('month')) AS k (kind)
		WHERE p.mpp_id = ${mppId} AND p.kind = k.kind
			AND p.local_date BETWEEN date_trunc(k.kind, ${from}::date)::date AND date_trunc(k.kind, ${to}::date)::date`;
	await db`
		INSERT INTO stats_mpp_periods (mpp_id, kind, local_date, issued, called, served, no_show, cancelled,
			wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
		SELECT mpp_id, k.kind, date_trunc(k.kind, local_date)::date, ${measuresFromRollups(db)}
		FROM stats_mpp_days CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
		WHERE mpp_id = ${mppId} AND local_date >= date_trunc(k.kind, ${from}::date)::date
			AND local_date < (date_trunc(k.kind, ${to}::date) + ('1 ' || k.kind)::interval)::date
		GROUP BY mpp_id, k.kind, date_trunc(k.kind, local_date)`;
	// each service's months around [from, to], rebuilt whole from their days (a standard service's year)
	await db`
		DELETE FROM stats_service_months WHERE mpp_id = ${mppId}
			AND local_date BETWEEN date_trunc('month', ${from}::date)::date AND date_trunc('month', ${to}::date)::date`;
	await db`
		INSERT INTO stats_service_months (service_id, mpp_id, local_date, issued, called, served, no_show, cancelled,
			wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
		SELECT service_id, mpp_id, date_trunc('month', local_date)::date, ${measuresFromRollups(db)}
		FROM stats_daily
		WHERE mpp_id = ${mppId} AND local_date >= date_trunc('month', ${from}::date)::date
			AND local_date < (date_trunc('month', ${to}::date) + interval '1 month')::date
		GROUP BY service_id, mpp_id, date_trunc('month', local_date)`;
	await db`DELETE FROM stats_days WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
	await db`
		INSERT INTO stats_days (mpp_id, local_date)
		SELECT DISTINCT mpp_id, local_date FROM stats_daily
		WHERE mpp_id = ${mppId} AND local_date BETWEEN ${from} AND ${to}`;
}

export interface RollupState {
	rolledThrough: string | null;
	eventsThrough: Date | null;
}

export async function readRollupState(db: Db, mppId: string): Promise<RollupState> {
	const [row] = await db<RollupState[]>`
		SELECT rolled_through::text AS "rolledThrough", events_through AS "eventsThrough"
		FROM stats_rollup_state WHERE mpp_id = ${mppId}`;
	return row ?? { rolledThrough: null, eventsThrough: null };
}

export async function writeRollupState(db: Db, mppId: string, state: RollupState): Promise<void> {
	await db`
		INSERT INTO stats_rollup_state (mpp_id, rolled_through, events_through)
		VALUES (${mppId}, ${state.rolledThrough}, ${state.eventsThrough})
		ON CONFLICT (mpp_id) DO UPDATE SET rolled_through = EXCLUDED.rolled_through,
			events_through = EXCLUDED.events_through`;
}

/** Serialises catch-up work on one MPP between requests and nodes (released at transaction end). */
export async function lockRollups(db: Db, mppId: string): Promise<void> {
	await db`SELECT pg_advisory_xact_lock(hashtext('antrean.stats:' || ${mppId}))`;
}

/**
 * Closed local days (before `today`) after `after` that have tickets but no rollup made after the day
 * ended: never rolled, or rolled while still open (a generated or rebuilt "today").
 */
export async function unrolledDays(
	db: Db,
	mppId: string,
	after: string | null,
	today: string
): Promise<string[]> {
	const rows = await db<{ day: string }[]>`
		SELECT DISTINCT t.local_date::text AS day FROM tickets t JOIN mpps m ON m.id = t.mpp_id
		WHERE t.mpp_id = ${mppId} AND t.local_date > coalesce(${after}::date, '-infinity') AND t.local_date < ${today}
			AND NOT EXISTS (
				SELECT 1 FROM stats_days d WHERE d.mpp_id = t.mpp_id AND d.local_date = t.local_date
					AND d.rolled_at >= ((t.local_date + 1)::timestamp AT TIME ZONE m.timezone))
		ORDER BY 1`;
	return rows.map((r) => r.day);
}

/** Closed local days (before `today`) with a ticket changed by a queue operation after `since`. */
export async function changedClosedDays(
	db: Db,
	mppId: string,
	since: Date | null,
	today: string
): Promise<string[]> {
	const rows = await db<{ day: string }[]>`
		SELECT DISTINCT t.local_date::text AS day
		FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
		WHERE e.mpp_id = ${mppId} AND e.at > coalesce(${since}::timestamptz, '-infinity') AND t.local_date < ${today}
		ORDER BY 1`;
	return rows.map((r) => r.day);
}

/** Every MPP with the first and last local day of its tickets, for a full backfill. */
export async function ticketDayRanges(
	db: Db,
	mppId?: string
): Promise<{ mppId: string; timezone: string; first: string; last: string }[]> {
	return db`
		SELECT m.id AS "mppId", m.timezone, min(t.local_date)::text AS first, max(t.local_date)::text AS last
		FROM mpps m JOIN tickets t ON t.mpp_id = m.id
		WHERE ${mppId ?? null}::uuid IS NULL OR m.id = ${mppId ?? null}
		GROUP BY m.id, m.timezone ORDER BY m.id`;
}

export async function listMppZones(db: Db): Promise<{ id: string; timezone: string }[]> {
	return db`SELECT id, timezone FROM mpps WHERE active ORDER BY id`;
}

/**
 * Of the given MPPs, those whose rollups may lag behind: not rolled through their own local
 * yesterday, or with ticket events on closed days since their mark (less `marginMs`). One statement
 * for all of them, where catchUpStats asks two questions per MPP.
 */
export async function mppsBehind(db: Db, mppIds: string[], now: Date, marginMs: number): Promise<string[]> {
	if (!mppIds.length) return [];
	const rows = await db<{ id: string }[]>`
		SELECT m.id FROM mpps m
		LEFT JOIN stats_rollup_state s ON s.mpp_id = m.id
		CROSS JOIN LATERAL (SELECT (${now}::timestamptz AT TIME ZONE m.timezone)::date AS today) d
		WHERE m.id = ANY(${mppIds}::uuid[])
			AND (s.rolled_through IS NULL OR s.rolled_through < d.today - 1 OR s.events_through IS NULL
				OR EXISTS (
					SELECT 1 FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
					WHERE e.mpp_id = m.id AND e.at > s.events_through - make_interval(secs => ${marginMs / 1000})
						AND t.local_date < d.today))`;
	return rows.map((r) => r.id);
}

/** Moves the events mark of up-to-date MPPs on to `now` where it is older than `staleBefore`. */
export async function advanceEventMarks(
	db: Db,
	mppIds: string[],
	now: Date,
	staleBefore: Date
): Promise<void> {
	if (!mppIds.length) return;
	await db`
		UPDATE stats_rollup_state SET events_through = ${now}
		WHERE mpp_id = ANY(${mppIds}::uuid[]) AND events_through < ${staleBefore}`;
}
