// Which MPPs stand out from their peers (issue 5, the ministry's distribution): Tukey's fences, the
// rule of a box plot. Quartiles interpolate linearly between the sorted values (Hyndman & Fan type 7,
// the default of R, NumPy and spreadsheets), so a reader can redo the numbers by hand.

export interface Fences {
	q1: number;
	median: number;
	q3: number;
	iqr: number;
	/** q1 − k·IQR: values below are low outliers */
	lower: number;
	/** q3 + k·IQR: values above are high outliers */
	upper: number;
}

/** Tukey's 1.5: "outside" a box plot's whiskers. 3 would name only the far-out ones. */
export const TUKEY_K = 1.5;

/** The p-quantile (0–1) of values sorted ascending, interpolated linearly (type 7). */
export function quantile(sorted: readonly number[], p: number): number {
	if (!sorted.length) throw new Error('quantile of no values');
	const position = (sorted.length - 1) * p;
	const below = Math.floor(position);
	const above = Math.ceil(position);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** The fences of a set of values, or null with fewer than four: quartiles of three say nothing. */
export function tukeyFences(values: readonly number[], k = TUKEY_K): Fences | null {
	if (values.length < 4) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const q1 = quantile(sorted, 0.25);
	const q3 = quantile(sorted, 0.75);
	const iqr = q3 - q1;
	return { q1, median: quantile(sorted, 0.5), q3, iqr, lower: q1 - k * iqr, upper: q3 + k * iqr };
}

export interface Outlier<T> {
	item: T;
	value: number;
	side: 'low' | 'high';
}

/**
 * The items whose value lies strictly outside the fences, the furthest first; items without a value
 * (an MPP without respondents) are neither counted nor named.
 */
export function tukeyOutliers<T>(
	items: readonly T[],
	valueOf: (item: T) => number | null,
	k = TUKEY_K
): { fences: Fences | null; outliers: Outlier<T>[] } {
	const measured = items.flatMap((item) => {
		const value = valueOf(item);
		return value === null || !Number.isFinite(value) ? [] : [{ item, value }];
	});
	const fences = tukeyFences(
		measured.map((m) => m.value),
		k
	);
	if (!fences) return { fences, outliers: [] };
	const distance = (o: Outlier<T>) => (o.side === 'high' ? o.value - fences.upper : fences.lower - o.value);
	const outliers = measured
		.flatMap(({ item, value }): Outlier<T>[] =>
			value > fences.upper
				? [{ item, value, side: 'high' }]
				: value < fences.lower
					? [{ item, value, side: 'low' }]
					: []
		)
		.sort((a, b) => distance(b) - distance(a));
	return { fences, outliers };
}

export interface Bin {
	/** inclusive */
	from: number;
	/** exclusive */
	to: number;
	count: number;
}

/** A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) that cuts the span into about `target` bins. */
export function niceStep(span: number, target: number): number {
	if (!(span > 0)) return 1;
	const raw = span / target;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= raw) ?? 10;
	return step * magnitude;
}

/** Equal-width bins on nice edges covering every value, for a histogram of the MPPs. */
export function binValues(values: readonly number[], target = 10): Bin[] {
	if (!values.length) return [];
	const min = Math.min(...values);
	const max = Math.max(...values);
	const step = niceStep(max - min, target);
	const start = Math.floor(min / step) * step;
	const count = Math.max(1, Math.floor((max - start) / step) + 1);
	// floating edges (0.1 + 0.2) would misplace a value sitting on an edge: round them to the step's digits
	const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
	const edge = (i: number) => Number((start + i * step).toFixed(digits));
	const bins = Array.from({ length: count }, (_, i) => ({ from: edge(i), to: edge(i + 1), count: 0 }));
	for (const value of values) {
		const index = Math.min(count - 1, Math.floor((value - start) / step + 1e-9));
		bins[index].count += 1;
	}
	return bins;
}
