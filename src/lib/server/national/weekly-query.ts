// The address of the weekly visit report (/ministry/report, its CSV and the API): a range of ISO weeks
// as `<input type="week">` writes them ('2026-W05'), by default the last 4 complete weeks, and the
// province and time-zone filters. Checked at the door, so a hand-edited link is a clear 400.
import { z } from 'zod';
import { isoWeekOf, mondayOf, mondayOfIsoWeek } from '../../domain/iso-week';
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import type { NationalFilter } from './measures';

/** Half a year of weeks: the printed sheet stays readable, the CSV stays one screen wide in a sheet. */
export const MAX_REPORT_WEEKS = 26;
export const DEFAULT_REPORT_WEEKS = 4;
export const reportZones = ['WIB', 'WITA', 'WIT'] as const;

export interface WeeklyReportQuery {
	/** 'YYYY-Www' */
	fromWeek: string;
	toWeek: string;
	/** the Mondays of those weeks */
	from: string;
	to: string;
	filter: NationalFilter;
}

const blank = (v: unknown) => (v === '' ? undefined : v);
const week = z.preprocess(
	blank,
	z
		.string()
		.refine((w) => mondayOfIsoWeek(w) !== null, { error: 'use an ISO week, YYYY-Www' })
		.optional()
);

/**
 * `now` sets the defaults: complete weeks are those over in WIB, the westernmost zone (so over
 * everywhere); no week may start after the easternmost zone's (WIT) today.
 */
export function weeklyReportSchema(now: Date) {
	const currentWest = mondayOf(localDate(now, 'Asia/Jakarta'));
	const latest = mondayOf(localDate(now, 'Asia/Jayapura'));
	const lastComplete = addDays(currentWest, -7);
	return z
		.object({
			from: week,
			to: week,
			province: z.preprocess(blank, z.string().max(100).optional()),
			zone: z.preprocess(blank, z.enum(reportZones).optional())
		})
		.transform(({ from, to, province, zone }): WeeklyReportQuery => {
			const fromMonday = from ? mondayOfIsoWeek(from)! : null;
			const toMonday = to
				? mondayOfIsoWeek(to)!
				: fromMonday && fromMonday > lastComplete
					? fromMonday
					: lastComplete;
			const start = fromMonday ?? addDays(toMonday, -7 * (DEFAULT_REPORT_WEEKS - 1));
			return {
				fromWeek: isoWeekOf(start),
				toWeek: isoWeekOf(toMonday),
				from: start,
				to: toMonday,
				filter: { ...(province ? { province } : {}), ...(zone ? { zone } : {}) }
			};
		})
		.refine((q) => q.from <= q.to, { error: 'from must not be after to', path: ['from'] })
		.refine((q) => q.to <= latest, { error: 'that week has not begun yet', path: ['to'] })
		.refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / (7 * 86_400_000) < MAX_REPORT_WEEKS, {
			error: `at most ${MAX_REPORT_WEEKS} weeks at once`,
			path: ['to']
		});
}
