import { describe, expect, it } from 'vitest';
import { binValues, niceStep, quantile, tukeyFences, tukeyOutliers } from './outliers';

describe('quantile', () => {
	it('interpolates linearly between sorted values, as R, NumPy and spreadsheets do by default', () => {
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4, 5], 0.75)).toBe(4);
		expect(quantile([7], 0.9)).toBe(7);
	});
});

describe('Tukey fences', () => {
	it('put the fences 1.5 × IQR beyond the quartiles', () => {
		// q1 = 12, q3 = 16 → IQR 4, fences 6 and 22
		expect(tukeyFences([10, 12, 14, 16, 18])).toEqual({
			q1: 12,
			median: 14,
			q3: 16,
			iqr: 4,
			lower: 6,
			upper: 22
		});
	});

	it('say nothing about fewer than four values', () => {
		expect(tukeyFences([1, 2, 100])).toBeNull();
		expect(tukeyOutliers([1, 2, 100], (v) => v)).toEqual({ fences: null, outliers: [] });
	});

	it('name values strictly outside the fences, the furthest first, with their side', () => {
		const mpps = [
			{ slug: 'a', wait: 10 },
			{ slug: 'b', wait: 12 },
			{ slug: 'c', wait: 14 },
			{ slug: 'd', wait: 16 },
			{ slug: 'e', wait: 18 },
			{ slug: 'f', wait: 13 },
			{ slug: 'g', wait: 15 },
			{ slug: 'slow', wait: 60 },
			{ slug: 'fast', wait: -20 },
			{ slug: 'none', wait: null }
		];
		const { fences, outliers } = tukeyOutliers(mpps, (m) => m.wait);
		expect(fences!.upper).toBeLessThan(60);
		expect(outliers.map((o) => [o.item.slug, o.side])).toEqual([
			['slow', 'high'],
			['fast', 'low']
		]);
	});

	it('keep a value sitting exactly on a fence inside', () => {
		// 10, 12, 14, 16, 22: q1 12, q3 16, upper fence 22
		const values = [10, 12, 14, 16, 22];
		expect(tukeyFences(values)!.upper).toBe(22);
		expect(tukeyOutliers(values, (v) => v).outliers).toEqual([]);
	});

	it('find nothing when every MPP is alike', () => {
		expect(tukeyOutliers([5, 5, 5, 5, 5], (v) => v).outliers).toEqual([]);
	});
});

describe('histogram bins', () => {
	it('choose 1, 2, 2.5 or 5 × 10ⁿ steps', () => {
		expect(niceStep(10, 10)).toBe(1);
		expect(niceStep(17, 10)).toBe(2);
		expect(niceStep(23, 10)).toBe(2.5);
		expect(niceStep(0.4, 10)).toBe(0.05);
		expect(niceStep(0, 10)).toBe(1);
	});

	it('count every value once in equal bins on nice edges', () => {
		const values = [80.5, 82, 85.25, 88.31, 90, 91.9, 76.6];
		const bins = binValues(values, 8);
		expect(bins.reduce((s, b) => s + b.count, 0)).toBe(values.length);
		expect(bins[0].from).toBeLessThanOrEqual(76.6);
		expect(bins.at(-1)!.to).toBeGreaterThan(91.9);
		const width = bins[0].to - bins[0].from;
		for (const b of bins) expect(b.to - b.from).toBeCloseTo(width, 9);
		// a value on an edge belongs to the bin that starts there
		const edge = bins.find((b) => b.from === 90)!;
		expect(edge.count).toBeGreaterThanOrEqual(1);
	});

	it('put equal values in one bin', () => {
		expect(binValues([3, 3, 3])).toEqual([{ from: 3, to: 4, count: 3 }]);
		expect(binValues([])).toEqual([]);
	});
});
