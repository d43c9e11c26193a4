// How many citizens take a ticket in a stretch of simulated time: DOMAIN's arrival curve by MPP-local
// hour and weekday, the same shape the history generator plans whole days with (history-plan.ts),
// so live and past days look alike on the dashboards. Pure.
import { earlyIssueMinutes } from '../../domain/issue-rules';
import { dayOfWeekFactor, hourShare, poisson, type Random } from '../../domain/traffic-profile';
import type { OpeningHours } from '../../domain/types';
import { advance, periodsOf, type ClockPosition } from './clock';

/** DOMAIN profile: ~8% of the day queue before the doors and take a number in the first 15 minutes. */
const openingRushShare = 0.08;
const openingRushSeconds = 15 * 60;
/** DOMAIN profile: ticket_cutoff_min_before_close 60 */
const cutoffSeconds = 60 * 60;

/** Expected tickets per simulated second at this moment. */
export function arrivalRate(hours: OpeningHours, at: ClockPosition, ticketsPerWeekday: number): number {
	const periods = periodsOf(hours, at.weekday);
	if (!periods.length) return 0;
	const open = Math.min(...periods.map(([from]) => from));
	const close = Math.max(...periods.map(([, to]) => to));
	// the profile has no Sunday (MPPs close); one that opens on Sunday is taken to be as busy as Saturday
	const day = ticketsPerWeekday * (dayOfWeekFactor[at.weekday] || dayOfWeekFactor[6]);
	const s = at.seconds;
	let rate = 0;
	if (s >= open && s < open + openingRushSeconds) rate += (day * openingRushShare) / openingRushSeconds;
	const issuing = periods.some(([from, to]) => s >= from - earlyIssueMinutes * 60 && s < to);
	if (issuing && s < close - cutoffSeconds) {
		rate += (day * hourShare(Math.floor(s / 3600), at.weekday) * (1 - openingRushShare)) / 3600;
	}
	return rate;
}

/** Expected arrivals while the clock moves on by `seconds` (integrated in one-minute slices). */
export function expectedArrivals(
	hours: OpeningHours,
	from: ClockPosition,
	seconds: number,
	ticketsPerWeekday: number
): number {
	let expected = 0;
	let at = from;
	for (let left = seconds; left > 0;) {
		const slice = Math.min(60, left);
		expected += arrivalRate(hours, at, ticketsPerWeekday) * slice;
		at = advance(hours, at, slice);
		left -= slice;
	}
	return expected;
}

/** Citizens arriving in one tick, a Poisson draw around the expectation, never more than `cap`. */
export function arrivalsInTick(random: Random, expected: number, cap: number): number {
	return Math.min(cap, poisson(random, expected));
}
