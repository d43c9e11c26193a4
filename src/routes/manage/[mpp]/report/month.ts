// The monthly report's month: `?month=YYYY-MM`, by default the last full month in the MPP's zone, never
// a month still to come (the current month reads "so far"). And the two views the ministry asks for
// beside the totals: visits per week of the month and the busiest days (DOMAIN §2: weekly reports).
import { z } from 'zod';
import { addDays, weekdayOf } from '$lib/domain/zoned-time';

export interface ReportMonth {
	/** 'YYYY-MM' */
	month: string;
	/** MPP-local dates, inclusive: the whole month, or up to today for the current one */
	from: string;
	to: string;
	inProgress: boolean;
}

const monthParam = z
	.string()
	.regex(/^\d{4}-(0[1-9]|1[0-2])$/)
	.optional();

function lastDayOf(month: string): string {
	const [year, m] = month.split('-').map(Number);
	return addDays(`${m === 12 ? year + 1 : year}-${String((m % 12) + 1).padStart(2, '0')}-01`, -1);
}

/** null for a malformed month or one after the current month. */
export function reportMonth(param: string | null, today: string): ReportMonth | null {
	const parsed = monthParam.safeParse(param ?? undefined);
	if (!parsed.success) return null;
	const current = today.slice(0, 7);
	const month = parsed.data ?? addDays(`${current}-01`, -1).slice(0, 7);
	if (month > current) return null;
	const last = lastDayOf(month);
	const inProgress = month === current;
	return { month, from: `${month}-01`, to: inProgress ? today : last, inProgress };
}

export const shiftMonth = (month: string, by: -1 | 1): string =>
	by === -1 ? addDays(`${month}-01`, -1).slice(0, 7) : addDays(lastDayOf(month), 1).slice(0, 7);

interface DayVisits {
	date?: string;
	issued: number;
	served: number;
}

export interface WeekVisits {
	/** 1 for the week holding the 1st */
	n: number;
	from: string;
	to: string;
	issued: number;
	served: number;
}

/** Monday-to-Sunday weeks, cut at the month's edges (and at `to` for a month in progress). */
export function visitsByWeek(range: { from: string; to: string }, days: DayVisits[]): WeekVisits[] {
	const byDate = new Map(days.map((d) => [d.date, d]));
	const weeks: WeekVisits[] = [];
	for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
		if (!weeks.length || weekdayOf(date) === 1) {
			weeks.push({ n: weeks.length + 1, from: date, to: date, issued: 0, served: 0 });
		}
		const week = weeks[weeks.length - 1];
		week.to = date;
		week.issued += byDate.get(date)?.issued ?? 0;
		week.served += byDate.get(date)?.served ?? 0;
	}
	return weeks;
}

/** The `count` days with the most tickets issued, busiest first (earlier date first on a tie). */
export function busiestDays<D extends DayVisits>(days: D[], count: number): D[] {
	return days
		.filter((d) => d.issued > 0)
		.sort((a, b) => b.issued - a.issued || (a.date ?? '').localeCompare(b.date ?? ''))
		.slice(0, count);
}
