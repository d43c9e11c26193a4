// The booking calendar of one service, as pure arithmetic (issue 12, DOMAIN §8): 15-minute windows
// inside the opening hours, how many of each window may be booked, and when each is released.
import { parseClock } from './local-day';
import type { OpeningHours, Weekday } from './types';

export const slotMinutes = 15;

/** Start minutes (since local midnight) of the windows that fit wholly inside the day's opening hours. */
export function daySlots(hours: OpeningHours, weekday: Weekday): number[] {
	const starts: number[] = [];
	for (const [from, to] of hours[weekday] ?? []) {
		const end = parseClock(to);
		for (let m = parseClock(from); m + slotMinutes <= end; m += slotMinutes) starts.push(m);
	}
	return starts.sort((a, b) => a - b);
}

/**
 * Bookable places in one window: what the counters serving the service finish in 15 minutes, times
 * the booking share; the rest of their throughput stays for walk-ins.
 */
export function slotCapacity(counters: number, expectedServiceMinutes: number, sharePercent: number): number {
	return Math.floor(((counters * slotMinutes) / expectedServiceMinutes) * (sharePercent / 100));
}

/**
 * Minutes after local midnight of the release day at which the window `index` of `count` opens: the
 * day's windows open one after another across the release hour, so a rush meets one window at a time.
 */
export function releaseMinute(index: number, count: number, releaseHour: number): number {
	return releaseHour * 60 + Math.floor((index * 60) / Math.max(count, 1));
}

/** Places the daily quota leaves for regular (non-priority) tickets and bookings. */
export function regularQuota(dailyQuota: number, priorityReserveShare: number): number {
	return dailyQuota - Math.floor((dailyQuota * priorityReserveShare) / 100);
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, n: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function weekdayOf(date: string): Weekday {
	const names: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
	return names[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The instant of a local wall-clock time in `timeZone` (Indonesia has no DST; one correction suffices). */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
	const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
	let format = formats.get(timeZone);
	if (!format) {
		// built once per zone: a day plans ~200 instants, and a formatter costs far more than a format
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		formats.set(timeZone, format);
	}
	const p: Record<string, string> = {};
	for (const part of format.formatToParts(new Date(guess))) p[part.type] = part.value;
	const shown = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
	return new Date(guess - (shown - guess));
}
