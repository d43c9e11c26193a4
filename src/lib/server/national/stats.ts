// National figures (issue 5): sums of every MPP's measures, grouped by a national local date, week or
// month, or by province or time zone. Counts add exactly; averages come from summed seconds over summed
// counts and percentiles from summed histograms (domain/kpi.ts), so no figure averages averages; the
// IKM comes from pooled element totals (DOMAIN §1).
import { emptyTotals, mergeTotals, type IkmTotals } from '../../domain/ikm';
import { emptyMeasures, kpisOf, mergeMeasures, roundKpis, type Kpis, type Measures } from '../../domain/kpi';
import { zoneLabel } from '../../domain/local-day';
import type { Sql } from '../db/client';
import type { NationalKey } from '../db/national';
import { gatherMeasures, type NationalFilter, type NationalPeriod } from './measures';
import { rankingIkm, type RankingIkm } from './ranking';

export const nationalGroupBys = ['day', 'week', 'month', 'province', 'timezone'] as const;
export type NationalGroupBy = (typeof nationalGroupBys)[number];

export interface NationalRowKey {
	/** a national local date: every MPP's own local day of that date */
	date?: string;
	/** the Monday of an ISO week of local dates */
	week?: string;
	/** 'YYYY-MM' of local dates */
	month?: string;
	province?: string;
	/** WIB, WITA or WIT */
	zone?: string;
}

/** mpps: the active MPPs of a province or zone (period rows add every MPP, so they carry none) */
export type NationalRow = NationalRowKey & Kpis & { mpps?: number; ikm: RankingIkm };

export interface NationalResult {
	/** null for "each MPP's own today" */
	from: string | null;
	to: string | null;
	groupBy: NationalGroupBy;
	rows: NationalRow[];
	/** mpps: the active MPPs counted */
	total: Kpis & { mpps: number; ikm: RankingIkm };
}

export type NationalQuery = NationalPeriod & {
	groupBy: NationalGroupBy;
	now?: Date;
	filter?: NationalFilter;
};

interface Group {
	measures: Measures;
	ikm: IkmTotals;
	mpps: number;
}

export async function nationalStats(sql: Sql, query: NationalQuery): Promise<NationalResult> {
	const byPeriod = query.groupBy === 'day' || query.groupBy === 'week' || query.groupBy === 'month';
	const key: NationalKey = byPeriod ? (query.groupBy as NationalKey) : 'mpp';
	const { mpps, measures, ikm } = await gatherMeasures(
		sql,
		query,
		key,
		query.now ?? new Date(),
		query.filter
	);

	const groups = new Map<string, Group>();
	if (byPeriod) {
		for (const [k, m] of measures) groups.set(k, { measures: m, ikm: ikm.get(k) ?? emptyTotals(), mpps: 0 });
		for (const [k, totals] of ikm)
			if (!groups.has(k)) groups.set(k, { measures: emptyMeasures(), ikm: totals, mpps: 0 });
	} else {
		for (const mpp of mpps) {
			const k = query.groupBy === 'province' ? mpp.province : zoneLabel(mpp.timezone);
			const group = groups.get(k) ?? { measures: emptyMeasures(), ikm: emptyTotals(), mpps: 0 };
			group.measures = mergeMeasures([group.measures, measures.get(mpp.id) ?? emptyMeasures()]);
			group.ikm = mergeTotals([group.ikm, ikm.get(mpp.id) ?? emptyTotals()]);
			group.mpps += 1;
			groups.set(k, group);
		}
	}

	const rowKeyName = {
		day: 'date',
		week: 'week',
		month: 'month',
		province: 'province',
		timezone: 'zone'
	} as const;
	const rows: NationalRow[] = [...groups.entries()]
		.sort(([a], [b]) => a.localeCompare(b, 'id', { numeric: true }))
		.map(([k, g]) => ({
			[rowKeyName[query.groupBy]]: k,
			...(byPeriod ? {} : { mpps: g.mpps }),
			...figures(g)
		}));

	const all = [...groups.values()];
	const total = figures({
		measures: mergeMeasures(all.map((g) => g.measures)),
		ikm: mergeTotals(all.map((g) => g.ikm)),
		mpps: mpps.length
	});
	const range = 'today' in query ? { from: null, to: null } : { from: query.from, to: query.to };
	return { ...range, groupBy: query.groupBy, rows, total: { mpps: mpps.length, ...total } };
}

function figures(g: Group): Kpis & { ikm: RankingIkm } {
	return { ...roundKpis(kpisOf(g.measures)), ikm: rankingIkm(g.ikm, g.measures) };
}
