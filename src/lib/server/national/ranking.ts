// One row per active MPP for the ministry's ranking (issue 5): the KPIs of issue 4 over the MPP's own
// local dates, its province and time zone. Aggregates only: no ticket, person or comment ever appears.
import { emptyTotals, ikmResult, type IkmGrade } from '../../domain/ikm';
import { emptyMeasures, kpisOf, roundKpis, type Kpis, type Measures } from '../../domain/kpi';
import { zoneLabel } from '../../domain/local-day';
import type { Sql } from '../db/client';
import type { IkmTotals } from '../../domain/ikm';
import { mppSize, type MppSize } from '../../domain/mpp-size';
import { gatherMeasures, type NationalFilter, type NationalPeriod } from './measures';

export interface RankingIkm {
	value: number | null;
	grade: IkmGrade | null;
	respondents: number;
	requiredSample: number | null;
}

export interface MppRankingRow extends Kpis {
	mppId: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	timezone: string;
	/** WIB, WITA or WIT */
	zone: string;
	/** tickets per open day in the period; null without any */
	size: MppSize | null;
	openDays: number;
	ikm: RankingIkm;
}

export type RankingQuery = NationalPeriod & { now?: Date; filter?: NationalFilter };

export async function mppRanking(sql: Sql, query: RankingQuery): Promise<MppRankingRow[]> {
	const now = query.now ?? new Date();
	const { measures, ikm, mpps, openDays } = await gatherMeasures(sql, query, 'mpp', now, query.filter);
	return mpps.map((mpp) => {
		const m = measures.get(mpp.id) ?? emptyMeasures();
		const days = openDays.get(mpp.id) ?? 0;
		return {
			mppId: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			province: mpp.province,
			city: mpp.city,
			timezone: mpp.timezone,
			zone: zoneLabel(mpp.timezone),
			size: mppSize(m.issued, days),
			openDays: days,
			...roundKpis(kpisOf(m)),
			ikm: rankingIkm(ikm.get(mpp.id), m)
		};
	});
}

/** The IKM of pooled element totals, with the people served as the population of the required sample. */
export function rankingIkm(totals: IkmTotals | undefined, measures: Measures): RankingIkm {
	const { value, grade, respondents, requiredSample } = ikmResult(totals ?? emptyTotals(), measures.served);
	return { value, grade, respondents, requiredSample };
}
