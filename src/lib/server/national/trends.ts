// The ministry's trends (issue 5): national or one province's figures per week or month, every
// period of the stretch present (an empty one as zeros, so a chart shows the gap) and marked partial
// when the stretch cuts it. The figures are nationalStats' sums, never averages of MPP averages.
import { emptyMeasures, kpisOf, roundKpis, type Kpis } from '../../domain/kpi';
import { periodsBetween, type TrendGranularity } from '../../domain/periods';
import type { Sql } from '../db/client';
import { rankingIkm, type RankingIkm } from './ranking';
import { nationalStats } from './stats';

export interface TrendPoint extends Kpis {
	/** a week's Monday or a month 'YYYY-MM' */
	period: string;
	/** local dates of the period inside the stretch */
	from: string;
	to: string;
	partial: boolean;
	ikm: RankingIkm;
}

export interface TrendQuery {
	from: string;
	to: string;
	granularity: TrendGranularity;
	/** one province's MPPs, or every MPP */
	province?: string;
	now?: Date;
}

export interface TrendResult {
	from: string;
	to: string;
	granularity: TrendGranularity;
	province: string | null;
	points: TrendPoint[];
	total: Kpis & { mpps: number; ikm: RankingIkm };
}

export async function nationalTrends(sql: Sql, query: TrendQuery): Promise<TrendResult> {
	const { from, to, granularity } = query;
	const result = await nationalStats(sql, {
		from,
		to,
		groupBy: granularity,
		now: query.now,
		filter: query.province ? { province: query.province } : undefined
	});
	const rows = new Map(result.rows.map((r) => [r[granularity]!, r]));
	const empty = { ...roundKpis(kpisOf(emptyMeasures())), ikm: rankingIkm(undefined, emptyMeasures()) };
	const points = periodsBetween(from, to, granularity).map((period): TrendPoint => {
		const row = rows.get(period.key);
		const figures = row
			? {
					issued: row.issued,
					called: row.called,
					served: row.served,
					noShow: row.noShow,
					wait: row.wait,
					service: row.service,
					serviceLevel: row.serviceLevel,
					ikm: row.ikm
				}
			: empty;
		return { period: period.key, from: period.from, to: period.to, partial: period.partial, ...figures };
	});
	return { from, to, granularity, province: query.province ?? null, points, total: result.total };
}
