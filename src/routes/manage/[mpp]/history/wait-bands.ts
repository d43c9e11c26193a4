// The wait distribution as a manager reads it: 35 fixed rollup buckets are too fine for a chart, so
// they are added up into bands of whole minutes. Every band edge is also a bucket edge
// (src/lib/domain/histogram.ts), so each band's count is exact, not estimated.
import { bucketEdges } from '$lib/domain/histogram';

/** Band lower edges in minutes; the last band is open-ended, like the last bucket. */
export const bandEdgesMinutes = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240] as const;

export interface WaitBand {
	fromMinutes: number;
	/** null for the open last band */
	toMinutes: number | null;
	count: number;
}

export function waitBands(histogram: readonly number[]): WaitBand[] {
	const bands: WaitBand[] = bandEdgesMinutes.map((from, i) => ({
		fromMinutes: from,
		toMinutes: bandEdgesMinutes[i + 1] ?? null,
		count: 0
	}));
	histogram.forEach((count, bucket) => {
		const minutes = bucketEdges[bucket] / 60;
		let band = bands.length - 1;
		while (bands[band].fromMinutes > minutes) band--;
		bands[band].count += count;
	});
	return bands;
}
