// Fixed-bucket histograms of wait and service time (DESIGN "Statistics"). Every rollup row, every live
// aggregate and every API answer uses these same edges, so percentiles over any set of rows merge by
// adding arrays element-wise instead of re-reading tickets. The edges are roughly logarithmic: fine
// where most waits and services fall (under 30 min), coarse beyond an hour, open-ended past 4 hours.

/** Lower edges in seconds; bucket i holds [edges[i], edges[i + 1]), the last one [4 h, ∞). */
export const bucketEdges: readonly number[] = [
	0, 15, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 420, 480, 600, 720, 900, 1080, 1200, 1500, 1800, 2100,
	2400, 2700, 3000, 3600, 4200, 4800, 5400, 6300, 7200, 9000, 10800, 12600, 14400
];

export const bucketCount = bucketEdges.length;

/** The thresholds PostgreSQL's width_bucket(x, thresholds) needs to give the same bucket index. */
export const bucketThresholds: readonly number[] = bucketEdges.slice(1);

export type Histogram = number[];

export function emptyHistogram(): Histogram {
	return new Array<number>(bucketCount).fill(0);
}

/** The bucket of a duration; negative durations (clock skew between nodes) count as zero. */
export function bucketOf(seconds: number): number {
	if (!(seconds > 0)) return 0;
	let lo = 0;
	let hi = bucketCount - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (bucketEdges[mid] <= seconds) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

export function histogramOf(values: number[]): Histogram {
	const histogram = emptyHistogram();
	for (const v of values) histogram[bucketOf(v)]++;
	return histogram;
}

/** Adds `other` into `into` (in place) and returns it. */
export function addHistogram(into: Histogram, other: readonly number[]): Histogram {
	for (let i = 0; i < bucketCount; i++) into[i] += other[i] ?? 0;
	return into;
}

export function histogramTotal(histogram: readonly number[]): number {
	return histogram.reduce((sum, n) => sum + n, 0);
}

/**
 * The p-quantile (0 < p ≤ 1) by nearest rank, located in its bucket and interpolated linearly inside
 * it, so the answer always lies in the bucket of the exact nearest-rank value. The open last bucket
 * answers its lower edge: past 4 hours the exact figure matters less than "more than 4 hours".
 * Null for an empty histogram.
 */
export function percentileOf(histogram: readonly number[], p: number): number | null {
	const total = histogramTotal(histogram);
	if (total === 0) return null;
	const rank = Math.max(1, Math.ceil(p * total));
	let before = 0;
	for (let i = 0; i < bucketCount; i++) {
		const n = histogram[i];
		if (before + n >= rank) {
			if (i === bucketCount - 1) return bucketEdges[i];
			const lower = bucketEdges[i];
			const upper = bucketEdges[i + 1];
			return lower + ((upper - lower) * (rank - before - 0.5)) / n;
		}
		before += n;
	}
	return bucketEdges[bucketCount - 1];
}
