// The weeks and months of a stretch of local dates, for the ministry's trends (issue 5): keyed the
// way the national rollups key them (an ISO week by its Monday, a month as 'YYYY-MM'), and marked
// partial when the stretch cuts them, so a half month is not read as a bad month.
import { addDays, weekdayOf } from './zoned-time';

export const trendGranularities = ['week', 'month'] as const;
export type TrendGranularity = (typeof trendGranularities)[number];

export interface Period {
	/** a week's Monday 'YYYY-MM-DD', or a month 'YYYY-MM' */
	key: string;
	/** the local dates of the period inside the stretch, inclusive */
	from: string;
	to: string;
	/** the stretch holds only part of the period */
	partial: boolean;
}

/** The Monday of the ISO week of a date. */
export function mondayOf(date: string): string {
	return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The first and last local date of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
	const [y, m] = month.split('-').map(Number);
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month 'YYYY-MM' `months` months after (or before, when negative) another. */
export function addMonths(month: string, months: number): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 7);
}

/** Every week or month that touches from…to, in order. */
export function periodsBetween(from: string, to: string, granularity: TrendGranularity): Period[] {
	const periods: Period[] = [];
	if (from > to) return periods;
	if (granularity === 'week') {
		for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
			const sunday = addDays(monday, 6);
			periods.push({
				key: monday,
				from: monday < from ? from : monday,
				to: sunday > to ? to : sunday,
				partial: monday < from || sunday > to
			});
		}
	} else {
		for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addMonths(month, 1)) {
			const whole = monthRange(month);
			periods.push({
				key: month,
				from: whole.from < from ? from : whole.from,
				to: whole.to > to ? to : whole.to,
				partial: whole.from < from || whole.to > to
			});
		}
	}
	return periods;
}
