// DOMAIN.md's synthetic data-generator profile (ASSUMPTIONS calibrated on its sources), in one place,
// for the live demo simulator and the history generator. Pure: randomness comes from the caller.

export type Random = () => number;

/** Fraction of a day's tickets arriving in each local hour (DOMAIN "arrivals_by_hour"). */
export const arrivalsByHour: Record<number, number> = {
	7: 0.1,
	8: 0.2,
	9: 0.18,
	10: 0.15,
	11: 0.11,
	12: 0.05,
	13: 0.09,
	14: 0.08,
	15: 0.04
};

/** Weekday factor on the weekday mean, 0 = Sunday (DOMAIN "day_of_week_factor"). */
export const dayOfWeekFactor = [0, 1.25, 1.15, 1.0, 0.95, 0.8, 0.45] as const;

/** Service-time lognormal by tenant category: [median, p90] in minutes (DOMAIN "service_time_min"). */
export const serviceTimeMinutes: Record<string, [number, number]> = {
	DUKCAPIL: [8, 20],
	DPMPTSP: [15, 45],
	SAMSAT: [6, 12],
	BAPENDA: [6, 12],
	POLRI: [20, 35],
	SKCK: [10, 20],
	IMIGRASI: [12, 25],
	BPJS: [10, 20],
	BANK: [7, 15],
	PBG: [15, 25],
	DEFAULT: [8, 18]
};

export const priorityShare = 0.06;
export const walkInNoShowRate = 0.08;

/** Expected share of the day's tickets in the local hour `hour` on weekday `weekday` (Friday prayer dip). */
export function hourShare(hour: number, weekday: number): number {
	const share = arrivalsByHour[hour] ?? 0;
	// Friday 11:30–13:00 is near zero (Friday prayer, DOMAIN "hours"): halve 11:00 and empty 12:00
	if (weekday === 5 && hour === 11) return share / 2;
	if (weekday === 5 && hour === 12) return 0;
	return share;
}

/** Standard normal by Box–Muller. */
export function normal(random: Random): number {
	const u = Math.max(random(), Number.EPSILON);
	const v = random();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A lognormal draw with the given median and 90th percentile (z₀.₉ = 1.2816). */
export function lognormal(random: Random, median: number, p90: number): number {
	const sigma = Math.log(p90 / median) / 1.2816;
	return median * Math.exp(sigma * normal(random));
}

/** Service time in seconds for a tenant category code (e.g. "DUKCAPIL"); clamped to 1–120 minutes. */
export function sampleServiceSeconds(random: Random, category: string): number {
	const [median, p90] = serviceTimeMinutes[category] ?? serviceTimeMinutes.DEFAULT;
	return Math.round(Math.min(120, Math.max(1, lognormal(random, median, p90))) * 60);
}

/** Poisson draw (Knuth for small means, normal approximation above 30). */
export function poisson(random: Random, mean: number): number {
	if (mean <= 0) return 0;
	if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
	const limit = Math.exp(-mean);
	let k = 0;
	let p = 1;
	do {
		k++;
		p *= random();
	} while (p > limit);
	return k - 1;
}

/** A small seedable PRNG (mulberry32) so generated data and tests are reproducible. */
export function seededRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function pickWeighted<K extends string>(random: Random, weights: Record<K, number>): K {
	const entries = Object.entries(weights) as [K, number][];
	const total = entries.reduce((sum, [, w]) => sum + w, 0);
	let r = random() * total;
	for (const [key, weight] of entries) {
		r -= weight;
		if (r <= 0) return key;
	}
	return entries[entries.length - 1][0];
}
