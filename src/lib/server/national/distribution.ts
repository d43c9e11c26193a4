// How the MPPs spread (issue 5): each MPP's average wait and IKM over a period as a histogram, and the
// MPPs outside Tukey's fences named (domain/outliers.ts). Every value is the MPP's own figure from
// mppRanking (a weighted average of its tickets, an IKM of its pooled answers); aggregates only.
import type { RankingIkm } from './ranking';
import { binValues, tukeyOutliers, type Bin, type Fences } from '../../domain/outliers';
import type { MppSize } from '../../domain/mpp-size';
import type { Sql } from '../db/client';
import type { NationalFilter } from './measures';
import { mppRanking, type MppRankingRow } from './ranking';

export interface DistributionMpp {
	mppId: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	zone: string;
	size: MppSize | null;
	called: number;
	/** the MPP's average wait, minutes to one decimal; null without a called ticket */
	waitMinutes: number | null;
	ikm: RankingIkm;
}

export interface SpreadOutlier {
	mpp: DistributionMpp;
	value: number;
	side: 'low' | 'high';
}

export interface Spread {
	/** MPPs with a value (called tickets, respondents) */
	measured: number;
	bins: Bin[];
	fences: Fences | null;
	outliers: SpreadOutlier[];
}

export interface DistributionQuery {
	from: string;
	to: string;
	now?: Date;
	filter?: NationalFilter & { size?: MppSize };
}

export interface DistributionResult {
	from: string;
	to: string;
	/** the MPPs the filters keep */
	mpps: number;
	wait: Spread;
	ikm: Spread;
}

export async function nationalDistribution(sql: Sql, query: DistributionQuery): Promise<DistributionResult> {
	const { size, ...filter } = query.filter ?? {};
	const ranking = await mppRanking(sql, { from: query.from, to: query.to, now: query.now, filter });
	const mpps = ranking.filter((r) => !size || r.size === size).map(distributionMpp);
	return {
		from: query.from,
		to: query.to,
		mpps: mpps.length,
		wait: spread(mpps, (m) => m.waitMinutes),
		ikm: spread(mpps, (m) => m.ikm.value)
	};
}

function distributionMpp(r: MppRankingRow): DistributionMpp {
	return {
		mppId: r.mppId,
		slug: r.slug,
		name: r.name,
		province: r.province,
		city: r.city,
		zone: r.zone,
		size: r.size,
		called: r.called,
		waitMinutes: r.wait.avg === null ? null : Math.round(r.wait.avg / 6) / 10,
		ikm: r.ikm
	};
}

function spread(mpps: DistributionMpp[], valueOf: (m: DistributionMpp) => number | null): Spread {
	const values = mpps.map(valueOf).filter((v): v is number => v !== null);
	const { fences, outliers } = tukeyOutliers(mpps, valueOf);
	return {
		measured: values.length,
		bins: binValues(values, 10),
		fences,
		outliers: outliers.map((o) => ({ mpp: o.item, value: o.value, side: o.side }))
	};
}
