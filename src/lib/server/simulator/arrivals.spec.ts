import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/traffic-profile';
import type { OpeningHours } from '../../domain/types';
import { arrivalsInTick, expectedArrivals } from './arrivals';

const day: [string, string][] = [['07:30', '16:00']];
const hours: OpeningHours = { sun: [], mon: day, tue: day, wed: day, thu: day, fri: day, sat: [] };
const h = (hh: number, mm = 0) => hh * 3600 + mm * 60;

describe('arrivals', () => {
	it('spreads a whole simulated day to about the day’s volume times the weekday factor', () => {
		// Wednesday (factor 1.0): from the early issue at 07:00 to closing
		const wednesday = expectedArrivals(hours, { weekday: 3, seconds: h(7) }, h(9), 800);
		// the profile's hours before the 07:00 early issue (none) and after the cut-off (15:00, 4%) stay empty
		expect(wednesday).toBeGreaterThan(800 * 0.85);
		expect(wednesday).toBeLessThan(800 * 1.0);
		const monday = expectedArrivals(hours, { weekday: 1, seconds: h(7) }, h(9), 800);
		expect(monday / wednesday).toBeCloseTo(1.25, 5);
	});

	it('makes a large MPP’s morning peak hour ≈ 150–200 tickets at speed 1', () => {
		const peak = expectedArrivals(hours, { weekday: 3, seconds: h(8) }, 3600, 800);
		expect(peak).toBeGreaterThanOrEqual(140);
		expect(peak).toBeLessThanOrEqual(200);
	});

	it('scales with speed: one real second at speed 60 brings what one simulated minute brings', () => {
		const at = { weekday: 3, seconds: h(9) };
		const perTick = (speed: number) => expectedArrivals(hours, at, 1 * speed, 800);
		expect(perTick(60)).toBeCloseTo(60 * perTick(1), 5);
		expect(perTick(60)).toBeCloseTo((800 * 0.18 * 0.92) / 60, 5);
	});

	it('brings nobody after the ticket cut-off or in the Friday prayer break', () => {
		expect(expectedArrivals(hours, { weekday: 3, seconds: h(15, 10) }, 600, 800)).toBe(0);
		const friday: OpeningHours = {
			...hours,
			fri: [
				['07:30', '11:30'],
				['13:00', '16:00']
			]
		};
		expect(expectedArrivals(friday, { weekday: 5, seconds: h(11, 40) }, 40 * 60, 800)).toBe(0);
	});

	it('draws whole citizens around the expectation and never more than the cap', () => {
		const random = seededRandom(7);
		const draws = Array.from({ length: 2000 }, () => arrivalsInTick(random, 2.5, 100));
		const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
		expect(mean).toBeGreaterThan(2.3);
		expect(mean).toBeLessThan(2.7);
		expect(arrivalsInTick(random, 500, 40)).toBe(40);
	});
});
