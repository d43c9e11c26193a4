// Schedule uniformity (issue 14: "Which MPPs differ from the national opening hours?"): the national
// norm is the weekly schedule most MPPs keep (the mode, counted over whole weeks), and each MPP is
// compared with it day by day. Pure, so the rule is tested without a database.
import { weekdays, type OpeningHours, type Weekday } from './types';

/** One day's periods as text ("07:30–11:30, 13:00–16:00"; "" when closed), the unit of comparison. */
export function dayText(hours: OpeningHours, day: Weekday): string {
	return (hours[day] ?? []).map(([from, to]) => `${from}–${to}`).join(', ');
}

const weekKey = (hours: OpeningHours) => weekdays.map((day) => dayText(hours, day)).join(' | ');

export interface ScheduleNorm {
	hours: OpeningHours;
	/** MPPs that keep exactly this week */
	keptBy: number;
}

/**
 * The most common week among `schedules`; on a tie the one that opens more days, then the earlier in
 * text order, so the answer never depends on the order MPPs were read in. Null without schedules.
 */
export function nationalNorm(schedules: OpeningHours[]): ScheduleNorm | null {
	const counts = new Map<string, { hours: OpeningHours; n: number }>();
	for (const hours of schedules) {
		const key = weekKey(hours);
		const seen = counts.get(key);
		if (seen) seen.n++;
		else counts.set(key, { hours, n: 1 });
	}
	const openDays = (h: OpeningHours) => weekdays.filter((d) => (h[d] ?? []).length > 0).length;
	const best = [...counts.entries()].sort(
		([ka, a], [kb, b]) => b.n - a.n || openDays(b.hours) - openDays(a.hours) || ka.localeCompare(kb)
	)[0];
	return best ? { hours: best[1].hours, keptBy: best[1].n } : null;
}

/** The weekdays (Monday first) on which `hours` differ from the norm. */
export function daysDiffering(hours: OpeningHours, norm: OpeningHours): Weekday[] {
	const mondayFirst: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
	return mondayFirst.filter((day) => dayText(hours, day) !== dayText(norm, day));
}

export const opensOnSaturday = (hours: OpeningHours) => (hours.sat ?? []).length > 0;
