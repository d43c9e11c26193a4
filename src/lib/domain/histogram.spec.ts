import { describe, expect, it } from 'vitest';
import { seededRandom } from './traffic-profile';
import {
	addHistogram,
	bucketCount,
	bucketEdges,
	bucketOf,
	emptyHistogram,
	histogramOf,
	percentileOf
} from './histogram';

function exactPercentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

describe('bucketOf', () => {
	it('puts a duration in the bucket whose lower edge it reaches', () => {
		expect(bucketOf(0)).toBe(0);
		expect(bucketOf(14.9)).toBe(0);
		expect(bucketOf(15)).toBe(1);
		expect(bucketOf(599)).toBe(bucketEdges.indexOf(480));
		expect(bucketOf(600)).toBe(bucketEdges.indexOf(600));
		expect(bucketOf(4 * 3600)).toBe(bucketCount - 1);
		expect(bucketOf(30 * 3600)).toBe(bucketCount - 1);
	});

	it('counts negative durations (clock skew) as zero', () => {
		expect(bucketOf(-5)).toBe(0);
		expect(bucketOf(Number.NaN)).toBe(0);
	});

	it('has rising edges from 0 to 4 hours', () => {
		for (let i = 1; i < bucketCount; i++) expect(bucketEdges[i]).toBeGreaterThan(bucketEdges[i - 1]);
		expect(bucketEdges[0]).toBe(0);
		expect(bucketEdges[bucketCount - 1]).toBe(4 * 3600);
	});
});

describe('percentileOf', () => {
	it('is null for no values', () => {
		expect(percentileOf(emptyHistogram(), 0.5)).toBeNull();
	});

	it('lands in the bucket of the exact nearest-rank percentile on random data', () => {
		const random = seededRandom(7);
		for (let round = 0; round < 200; round++) {
			const n = 1 + Math.floor(random() * 400);
			// lognormal-ish waits: many short, a long tail past an hour
			const values = Array.from({ length: n }, () => Math.exp(random() * 9) - 1);
			const histogram = histogramOf(values);
			for (const p of [0.5, 0.9]) {
				const estimate = percentileOf(histogram, p)!;
				expect(bucketOf(estimate)).toBe(bucketOf(exactPercentile(values, p)));
			}
		}
	});

	it('merges: percentiles of added histograms equal those of all values together', () => {
		const a = [10, 70, 200, 900, 1300];
		const b = [5, 95, 3600, 20];
		const merged = addHistogram(histogramOf(a), histogramOf(b));
		expect(merged).toEqual(histogramOf([...a, ...b]));
		expect(bucketOf(percentileOf(merged, 0.9)!)).toBe(bucketOf(exactPercentile([...a, ...b], 0.9)));
	});

	it('answers "at least 4 hours" for the open last bucket', () => {
		expect(percentileOf(histogramOf([5 * 3600, 6 * 3600]), 0.5)).toBe(4 * 3600);
	});
});
