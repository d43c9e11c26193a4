import { describe, expect, it } from 'vitest';
import {
	arrivalsByHour,
	hourShare,
	lognormal,
	pickWeighted,
	poisson,
	sampleServiceSeconds,
	seededRandom
} from './traffic-profile';

const quantile = (values: number[], q: number) =>
	[...values].sort((a, b) => a - b)[Math.floor(q * values.length)];

describe('traffic profile', () => {
	it('a working day adds up to all of its tickets', () => {
		const total = Object.values(arrivalsByHour).reduce((a, b) => a + b, 0);
		expect(total).toBeCloseTo(1, 5);
	});

	it('Friday prayer empties the 12:00 hour', () => {
		expect(hourShare(12, 5)).toBe(0);
		expect(hourShare(12, 1)).toBe(0.05);
	});

	it('lognormal draws have the profile median and 90th percentile', () => {
		const random = seededRandom(7);
		const draws = Array.from({ length: 20_000 }, () => lognormal(random, 8, 20));
		expect(quantile(draws, 0.5)).toBeGreaterThan(7.5);
		expect(quantile(draws, 0.5)).toBeLessThan(8.5);
		expect(quantile(draws, 0.9)).toBeGreaterThan(18.5);
		expect(quantile(draws, 0.9)).toBeLessThan(21.5);
	});

	it('service times are whole seconds within 1–120 minutes', () => {
		const random = seededRandom(1);
		for (let i = 0; i < 2000; i++) {
			const s = sampleServiceSeconds(random, 'POLRI');
			expect(Number.isInteger(s)).toBe(true);
			expect(s).toBeGreaterThanOrEqual(60);
			expect(s).toBeLessThanOrEqual(7200);
		}
	});

	it('poisson draws average their mean', () => {
		const random = seededRandom(3);
		for (const mean of [0.5, 4, 80]) {
			const draws = Array.from({ length: 20_000 }, () => poisson(random, mean));
			const average = draws.reduce((a, b) => a + b, 0) / draws.length;
			expect(Math.abs(average - mean) / mean).toBeLessThan(0.05);
		}
	});

	it('the same seed gives the same data', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
	});

	it('picks keys in proportion to their weights', () => {
		const random = seededRandom(9);
		const counts = { A: 0, B: 0 };
		for (let i = 0; i < 10_000; i++) counts[pickWeighted(random, { A: 0.8, B: 0.2 })]++;
		expect(counts.A / 10_000).toBeGreaterThan(0.77);
		expect(counts.A / 10_000).toBeLessThan(0.83);
	});
});
