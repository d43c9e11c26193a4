// The simulated business-day clock of one MPP. The demo runs at any real hour, but citizens only come
// while an MPP is open, so the simulator keeps its own MPP-local clock that runs through the opening
// hours (from the kiosk's early issue, 30 minutes before the doors open, to closing time) and then
// jumps to the next business day's morning. Pure: the caller advances it by simulated seconds.
import { earlyIssueMinutes } from '../../domain/issue-rules';
import { parseClock } from '../../domain/local-day';
import { weekdays, type OpeningHours, type Weekday } from '../../domain/types';

/** A business day's opening periods, in seconds since local midnight. */
export type Periods = [number, number][];

export interface ClockPosition {
	/** 0 = Sunday … 6 = Saturday */
	weekday: number;
	/** seconds since local midnight of the simulated day */
	seconds: number;
}

export function periodsOf(hours: OpeningHours, weekday: number): Periods {
	return (hours[weekdays[weekday] as Weekday] ?? [])
		.map(([from, to]) => [parseClock(from) * 60, parseClock(to) * 60] as [number, number])
		.filter(([from, to]) => to > from);
}

/** The simulated part of a day: from early issue to the last closing time, or null when closed. */
export function dayWindow(hours: OpeningHours, weekday: number): [number, number] | null {
	const periods = periodsOf(hours, weekday);
	if (!periods.length) return null;
	const open = Math.min(...periods.map(([from]) => from));
	const close = Math.max(...periods.map(([, to]) => to));
	return [Math.max(0, open - earlyIssueMinutes * 60), close];
}

/** The first business day from `weekday` on (inclusive), or null when the MPP never opens. */
function nextBusinessDay(hours: OpeningHours, weekday: number): number | null {
	for (let i = 0; i < 7; i++) {
		const day = (weekday + i) % 7;
		if (dayWindow(hours, day)) return day;
	}
	return null;
}

/**
 * Where the simulated clock starts: the real local time when the MPP is open now (a demo during
 * office hours matches the real day), else the next business day's early-issue time.
 */
export function startPosition(hours: OpeningHours, real: ClockPosition): ClockPosition | null {
	const today = dayWindow(hours, real.weekday);
	if (today && real.seconds >= today[0] && real.seconds < today[1]) return real;
	const from = today && real.seconds < today[0] ? real.weekday : (real.weekday + 1) % 7;
	const day = nextBusinessDay(hours, from);
	if (day === null) return null;
	return { weekday: day, seconds: dayWindow(hours, day)![0] };
}

/** Moves the clock on by `seconds`, skipping nights and closed days. */
export function advance(hours: OpeningHours, at: ClockPosition, seconds: number): ClockPosition {
	let { weekday, seconds: clock } = at;
	clock += seconds;
	for (let guard = 0; guard < 64; guard++) {
		const window = dayWindow(hours, weekday);
		if (window && clock < window[1]) return { weekday, seconds: Math.max(clock, window[0]) };
		const overflow = window ? clock - window[1] : 0;
		const next = nextBusinessDay(hours, (weekday + 1) % 7);
		if (next === null) return { weekday, seconds: clock };
		weekday = next;
		clock = dayWindow(hours, next)![0] + overflow;
	}
	return { weekday, seconds: clock };
}

/** Counters work inside an opening period (not before the doors open, not in the Friday break). */
export function countersWork(hours: OpeningHours, at: ClockPosition): boolean {
	return periodsOf(hours, at.weekday).some(([from, to]) => at.seconds >= from && at.seconds < to);
}

/** "Sen 09:41" style label for the banner and logs. */
export function formatPosition(at: ClockPosition): string {
	const hh = String(Math.floor(at.seconds / 3600)).padStart(2, '0');
	const mm = String(Math.floor((at.seconds % 3600) / 60)).padStart(2, '0');
	return `${weekdays[at.weekday]} ${hh}:${mm}`;
}
