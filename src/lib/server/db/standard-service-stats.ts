// The measures of one standard service across MPPs (issue 14): the day rollups (stats_daily) and the
// tickets of the MPP services mapped to it, each MPP over its own local dates, grouped by MPP. The
// same SQL fragments as every other statistic (stats-sql.ts), so the numbers agree with the MPP's own.
import type { IkmTotals } from '../../domain/ikm';
import type { Db } from './client';
import type { KeyedMeasures, MppRange } from './national';
import { measuresFromFacts, measuresFromRollups, ticketFactsOfRanges } from './stats-sql';

/** Every service ever mapped to the code, inactive ones too: their history still counts. */
export async function listServicesMappedTo(db: Db, code: string): Promise<{ id: string; mppId: string }[]> {
	return db<{ id: string; mppId: string }[]>`
		SELECT id, mpp_id AS "mppId" FROM services WHERE standard_code = ${code}`;
}

/** One mapped service over its MPP's range of local dates. */
export interface ServiceRange extends MppRange {
	serviceId: string;
}

// Driven by service, not by MPP: each service's days through the (service_id, local_date) indexes,
// never every service of every MPP filtered afterwards (that read 2 s at 30 M tickets).
const rangesOf = (db: Db, ranges: ServiceRange[]) => db`
	unnest(${ranges.map((r) => r.serviceId)}::uuid[], ${ranges.map((r) => r.mppId)}::uuid[],
		${ranges.map((r) => r.from)}::date[], ${ranges.map((r) => r.to)}::date[])
		AS g(service_id, mpp_id, date_from, date_to)`;

const rollupColumns =
	'r.mpp_id, r.issued, r.called, r.served, r.no_show, r.cancelled, r.wait_sum, r.wait_hist, ' +
	'r.service_sum, r.service_count, r.service_hist, r.within_target';

/** Closed days of the given services, keyed by MPP id: whole months from stats_service_months, the
 * days of partial months from stats_daily. */
export async function rollupMeasuresOfServices(
	db: Db,
	ranges: { days: ServiceRange[]; months: ServiceRange[] }
): Promise<KeyedMeasures[]> {
	if (!ranges.days.length && !ranges.months.length) return [];
	const columns = db.unsafe(rollupColumns);
	return db<KeyedMeasures[]>`
		SELECT r.mpp_id::text AS key, ${measuresFromRollups(db)}
		FROM (
			SELECT ${columns} FROM ${rangesOf(db, ranges.days)}
			JOIN stats_daily r ON r.service_id = g.service_id AND r.local_date BETWEEN g.date_from AND g.date_to
			UNION ALL
			SELECT ${columns} FROM ${rangesOf(db, ranges.months)}
			JOIN stats_service_months r ON r.service_id = g.service_id
				AND r.local_date BETWEEN g.date_from AND g.date_to
		) r
		GROUP BY 1`;
}

/** Today (and days a replica has not rolled yet) from the tickets of the given services. */
export async function ticketMeasuresOfServices(
	db: Db,
	ranges: MppRange[],
	serviceIds: string[]
): Promise<KeyedMeasures[]> {
	if (!ranges.length || !serviceIds.length) return [];
	return db<KeyedMeasures[]>`
		SELECT f.mpp_id::text AS key, ${measuresFromFacts(db)}
		FROM (${ticketFactsOfRanges(db, ranges, serviceIds)}) f
		GROUP BY 1`;
}

/** Survey element totals of the given services, keyed by MPP id (index surveys_service_date_idx). */
export async function surveyTotalsOfServices(
	db: Db,
	ranges: { days: ServiceRange[]; months: ServiceRange[] }
): Promise<(IkmTotals & { key: string })[]> {
	if (!ranges.days.length && !ranges.months.length) return [];
	const rows = await db<({ key: string; respondents: number } & IkmTotals['totals'])[]>`
		SELECT v.mpp_id::text AS key, sum(v.respondents)::int AS respondents,
			sum(v.persyaratan)::int AS persyaratan, sum(v.prosedur)::int AS prosedur, sum(v.waktu)::int AS waktu,
			sum(v.biaya)::int AS biaya, sum(v.produk)::int AS produk, sum(v.kompetensi)::int AS kompetensi,
			sum(v.perilaku)::int AS perilaku, sum(v.pengaduan)::int AS pengaduan, sum(v.sarana)::int AS sarana
		FROM (
			SELECT v.mpp_id, 1 AS respondents, v.persyaratan, v.prosedur, v.waktu, v.biaya, v.produk, v.kompetensi,
				v.perilaku, v.pengaduan, v.sarana
			FROM ${rangesOf(db, ranges.days)}
			JOIN surveys v ON v.service_id = g.service_id AND v.local_date BETWEEN g.date_from AND g.date_to
			UNION ALL
			SELECT v.mpp_id, v.respondents, v.persyaratan, v.prosedur, v.waktu, v.biaya, v.produk, v.kompetensi,
				v.perilaku, v.pengaduan, v.sarana
			FROM ${rangesOf(db, ranges.months)}
			JOIN survey_service_months v ON v.service_id = g.service_id
				AND v.local_date BETWEEN g.date_from AND g.date_to
		) v
		GROUP BY 1`;
	return rows.map(({ key, respondents, ...totals }) => ({ key, respondents, totals }));
}
