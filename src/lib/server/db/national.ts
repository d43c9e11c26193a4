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

const rangeTable = (db: Db, ranges: MppRange[]) => db`
	unnest(${ranges.map((r) => r.mppId)}::uuid[], ${ranges.map((r) => r.from)}::date[],
		${ranges.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)`;

/**
 * A year of 300 MPPs is 110,000 day rows but 3,600 month rows: each range is read as its whole weeks
 * or months (whichever the key needs) from the period tables, and its partial ends from the day
 * tables. Grouping by day reads days only.
 */
interface Segments {
	unit: TrendGranularity | null;
	days: MppRange[];
	periods: { mppId: string; start: string }[];
}

function segmentsOf(ranges: MppRange[], key: NationalKey): Segments {
	if (key === 'day') return { unit: null, days: ranges, periods: [] };
	const unit: TrendGranularity = key === 'week' ? 'week' : 'month';
	const segments: Segments = { unit, days: [], periods: [] };
	for (const range of ranges) {
		for (const period of periodsBetween(range.from, range.to, unit)) {
			if (period.partial) segments.days.push({ mppId: range.mppId, from: period.from, to: period.to });
			else
				segments.periods.push({
					mppId: range.mppId,
					start: unit === 'week' ? period.key : `${period.key}-01`
				});
		}
	}
	return segments;
}

const periodTable = (db: Db, periods: Segments['periods']) => db`
	unnest(${periods.map((p) => p.mppId)}::uuid[], ${periods.map((p) => p.start)}::date[]) AS g(mpp_id, local_date)`;

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
			SELECT ${columns} FROM ${rangeTable(db, days)}
			JOIN stats_mpp_days r ON r.mpp_id = g.mpp_id AND r.local_date BETWEEN g.date_from AND g.date_to
			UNION ALL
			SELECT ${columns} FROM ${periodTable(db, periods)}
			JOIN stats_mpp_periods r ON r.mpp_id = g.mpp_id AND r.kind = ${unit ?? 'month'}
				AND r.local_date = g.local_date
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
			SELECT ${columns} FROM ${rangeTable(db, days)}
			JOIN survey_mpp_days v ON v.mpp_id = g.mpp_id AND v.local_date BETWEEN g.date_from AND g.date_to
			UNION ALL
			SELECT ${columns} FROM ${periodTable(db, periods)}
			JOIN survey_mpp_periods v ON v.mpp_id = g.mpp_id AND v.kind = ${unit ?? 'month'}
				AND v.local_date = g.local_date
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
		FROM ${rangeTable(db, ranges)}
		JOIN stats_mpp_days r ON r.mpp_id = g.mpp_id AND r.local_date BETWEEN g.date_from AND g.date_to
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
