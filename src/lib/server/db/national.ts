// Cross-MPP reads for the ministry (issue 5): one grouped query over the rollups or the surveys of every
// active MPP at once, instead of one query per MPP (≈ 300 of them). Each MPP brings its own range of
// local dates, because "yesterday" and "today" are MPP-local (DOMAIN §6).
import type { IkmTotals } from '../../domain/ikm';
import type { Measures } from '../../domain/kpi';
import type { Db } from './client';
import { periodsBetween, type TrendGranularity } from '../../domain/periods';
import { measuresFromFacts, measuresFromRollups, ticketFactsOfRanges } from './stats-sql';

export interface NationalMpp {
	id: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
}

/** A stretch of one MPP's local dates, inclusive. */
export interface MppRange {
	mppId: string;
	from: string;
	to: string;
}

/** 'mpp' keeps MPPs apart; the periods add every MPP's same local date, week (its Monday) or month. */
export type NationalKey = 'mpp' | 'day' | 'week' | 'month';

export interface KeyedMeasures extends Measures {
	key: string;
}

export interface KeyedIkmTotals extends IkmTotals {
	key: string;
}

// Fixed strings chosen by the NationalKey enum and a fixed table alias, never input.
function keyOf(db: Db, key: NationalKey, alias: 'r' | 'v' | 'f') {
	const expressions: Record<NationalKey, string> = {
		mpp: `${alias}.mpp_id::text`,
		day: `${alias}.local_date::text`,
		week: `date_trunc('week', ${alias}.local_date)::date::text`,
		month: `to_char(${alias}.local_date, 'YYYY-MM')`
	};
	return db.unsafe(expressions[key]);
}

export async function listNationalMpps(db: Db): Promise<NationalMpp[]> {
	return db<NationalMpp[]>`
		SELECT id, slug, name, province, city, timezone FROM mpps WHERE active ORDER BY province, name`;
}

/**
 * The rows of a per-MPP-day table within each MPP's own range, as `alias`. Short ranges (the partial
 * weeks or months at the ends of a period, or a day) are one index range scan each through a LATERAL
 * that OFFSET 0 keeps the planner from flattening: joined plainly, PostgreSQL guesses the ranges'
 * count and scans the whole table. Long ranges (a year by day) read most of the table anyway, where
 * the plain hash join is quicker. `table` and `alias` are fixed names from this module, never input.
 */
function rowsInRanges(
	db: Db,
	table: 'stats_mpp_days' | 'survey_mpp_days',
	alias: 'r' | 'v',
	ranges: MppRange[]
) {
	const ranged = db`unnest(${ranges.map((r) => r.mppId)}::uuid[], ${ranges.map((r) => r.from)}::date[],
		${ranges.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)`;
	const days = ranges.reduce((sum, r) => sum + (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1, 0);
	if (days > ranges.length * 31) {
		return db`${ranged} JOIN ${db.unsafe(table)} ${db.unsafe(alias)}
			ON ${db.unsafe(alias)}.mpp_id = g.mpp_id AND ${db.unsafe(alias)}.local_date BETWEEN g.date_from AND g.date_to`;
	}
	return db`${ranged}
		CROSS JOIN LATERAL (
			SELECT * FROM ${db.unsafe(table)} x
			WHERE x.mpp_id = g.mpp_id AND x.local_date BETWEEN g.date_from AND g.date_to
			OFFSET 0
		) AS ${db.unsafe(alias)}`;
}

/**
 * A year of 300 MPPs is 110,000 day rows but 3,600 month rows: each range is read as its whole weeks
 * or months (whichever the key needs) from the period tables, and its partial ends from the day
 * tables. Grouping by day reads days only.
 */
interface Segments {
	unit: TrendGranularity | null;
	/** the partial periods at either end, read day by day */
	days: MppRange[];
	/** per MPP, the first and last start of its run of whole weeks or months */
	periods: MppRange[];
}

function segmentsOf(ranges: MppRange[], key: NationalKey): Segments {
	if (key === 'day') return { unit: null, days: ranges, periods: [] };
	const unit: TrendGranularity = key === 'week' ? 'week' : 'month';
	const segments: Segments = { unit, days: [], periods: [] };
	for (const range of ranges) {
		const whole: string[] = [];
		for (const period of periodsBetween(range.from, range.to, unit)) {
			if (period.partial) segments.days.push({ mppId: range.mppId, from: period.from, to: period.to });
			else whole.push(unit === 'week' ? period.key : `${period.key}-01`);
		}
		// whole periods inside one range are consecutive
		if (whole.length)
			segments.periods.push({ mppId: range.mppId, from: whole[0], to: whole[whole.length - 1] });
	}
	return segments;
}

/** The week or month rows of each MPP's run of whole periods (their starts, inclusive). */
const periodRows = (
	db: Db,
	table: 'stats_mpp_periods' | 'survey_mpp_periods',
	alias: 'r' | 'v',
	unit: TrendGranularity | null,
	periods: MppRange[]
) => db`
	unnest(${periods.map((r) => r.mppId)}::uuid[], ${periods.map((r) => r.from)}::date[],
		${periods.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)
	JOIN ${db.unsafe(table)} ${db.unsafe(alias)} ON ${db.unsafe(alias)}.mpp_id = g.mpp_id
		AND ${db.unsafe(alias)}.kind = ${unit ?? 'month'}
		AND ${db.unsafe(alias)}.local_date BETWEEN g.date_from AND g.date_to`;

const surveyColumns =
	'v.mpp_id, v.local_date, v.respondents, v.persyaratan, v.prosedur, v.waktu, v.biaya, v.produk, ' +
	'v.kompetensi, v.perilaku, v.pengaduan, v.sarana';

const rollupColumns =
	'r.mpp_id, r.local_date, r.issued, r.called, r.served, r.no_show, r.cancelled, r.wait_sum, r.wait_hist, ' +
	'r.service_sum, r.service_count, r.service_hist, r.within_target';

/** Measures of closed days from the MPP day, week and month rollups, each MPP over its own range. */
export async function rollupMeasuresOf(
	db: Db,
	ranges: MppRange[],
	key: NationalKey
): Promise<KeyedMeasures[]> {
	if (!ranges.length) return [];
	const { unit, days, periods } = segmentsOf(ranges, key);
	const columns = db.unsafe(rollupColumns);
	return db<KeyedMeasures[]>`
		SELECT ${keyOf(db, key, 'r')} AS key, ${measuresFromRollups(db)}
		FROM (
			SELECT ${columns} FROM ${rowsInRanges(db, 'stats_mpp_days', 'r', days)}
			UNION ALL
			SELECT ${columns} FROM ${periodRows(db, 'stats_mpp_periods', 'r', unit, periods)}
		) r
		GROUP BY 1`;
}

/** Survey element totals and respondents, each MPP over its own range, from the per-day totals that
 * the surveys' own triggers keep (server/migrations/0005_national_days.sql), today included. */
export async function surveyTotalsOf(
	db: Db,
	ranges: MppRange[],
	key: NationalKey
): Promise<KeyedIkmTotals[]> {
	if (!ranges.length) return [];
	const { unit, days, periods } = segmentsOf(ranges, key);
	const columns = db.unsafe(surveyColumns);
	const rows = await db<
		({ key: string; respondents: number } & Record<
			| 'persyaratan'
			| 'prosedur'
			| 'waktu'
			| 'biaya'
			| 'produk'
			| 'kompetensi'
			| 'perilaku'
			| 'pengaduan'
			| 'sarana',
			number
		>)[]
	>`
		SELECT ${keyOf(db, key, 'v')} AS key, sum(v.respondents)::int AS respondents,
			sum(v.persyaratan)::int AS persyaratan, sum(v.prosedur)::int AS prosedur, sum(v.waktu)::int AS waktu,
			sum(v.biaya)::int AS biaya, sum(v.produk)::int AS produk, sum(v.kompetensi)::int AS kompetensi,
			sum(v.perilaku)::int AS perilaku, sum(v.pengaduan)::int AS pengaduan, sum(v.sarana)::int AS sarana
		FROM (
			SELECT ${columns} FROM ${rowsInRanges(db, 'survey_mpp_days', 'v', days)}
			UNION ALL
			SELECT ${columns} FROM ${periodRows(db, 'survey_mpp_periods', 'v', unit, periods)}
		) v
		GROUP BY 1`;
	return rows.map(({ key, respondents, ...totals }) => ({ key, respondents, totals }));
}

/** Local days with at least one ticket issued, per MPP over its own closed range (an MPP's size is its
 * tickets per open day, DOMAIN "Synthetic data-generator profile"). */
export async function openDaysOf(db: Db, ranges: MppRange[]): Promise<Map<string, number>> {
	if (!ranges.length) return new Map();
	const rows = await db<{ mppId: string; days: number }[]>`
		SELECT r.mpp_id AS "mppId", count(*)::int AS days
		FROM ${rowsInRanges(db, 'stats_mpp_days', 'r', ranges)}
		WHERE r.issued > 0
		GROUP BY 1`;
	return new Map(rows.map((r) => [r.mppId, r.days]));
}

/** Measures straight from the tickets, each MPP over its own range: every MPP's "today" in one scan. */
export async function ticketMeasuresOf(
	db: Db,
	ranges: MppRange[],
	key: NationalKey
): Promise<KeyedMeasures[]> {
	if (!ranges.length) return [];
	return db<KeyedMeasures[]>`
		SELECT ${keyOf(db, key, 'f')} AS key, ${measuresFromFacts(db)}
		FROM (${ticketFactsOfRanges(db, ranges)}) f
		GROUP BY 1`;
}

/** Local days with at least one ticket issued, per MPP over its own range, from the tickets (openDaysOf
 * for MPPs whose rollups a replica has not replayed yet). */
export async function ticketOpenDaysOf(db: Db, ranges: MppRange[]): Promise<Map<string, number>> {
	if (!ranges.length) return new Map();
	const rows = await db<{ mppId: string; days: number }[]>`
		SELECT f.mpp_id::text AS "mppId", count(DISTINCT f.local_date)::int AS days
		FROM (${ticketFactsOfRanges(db, ranges)}) f
		GROUP BY 1`;
	return new Map(rows.map((r) => [r.mppId, r.days]));
}

export interface BookingTotals {
	mppId: string;
	/** still open (window not passed, not checked in) */
	booked: number;
	checkedIn: number;
	lateWalkIn: number;
	noShow: number;
	cancelled: number;
}

/**
 * Each MPP's bookings of its own range, by what became of them (issue 12). Read from the bookings
 * themselves (index by MPP and day, migration 0022): one row per booking, far fewer than tickets.
 */
export async function bookingTotalsOf(db: Db, ranges: MppRange[]): Promise<BookingTotals[]> {
	if (!ranges.length) return [];
	return db<BookingTotals[]>`
		SELECT g.mpp_id AS "mppId",
			count(*) FILTER (WHERE b.status = 'booked')::int AS booked,
			count(*) FILTER (WHERE b.status = 'checked_in')::int AS "checkedIn",
			count(*) FILTER (WHERE b.status = 'late_walk_in')::int AS "lateWalkIn",
			count(*) FILTER (WHERE b.status = 'no_show')::int AS "noShow",
			count(*) FILTER (WHERE b.status = 'cancelled')::int AS cancelled
		FROM unnest(${ranges.map((r) => r.mppId)}::uuid[], ${ranges.map((r) => r.from)}::date[],
			${ranges.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)
		JOIN bookings b ON b.mpp_id = g.mpp_id AND b.local_date BETWEEN g.date_from AND g.date_to
		GROUP BY g.mpp_id`;
}
