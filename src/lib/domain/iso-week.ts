// ISO 8601 weeks of MPP-local dates (Monday to Sunday, week 1 holds the year's first Thursday): the
// weeks of the ministry's weekly visit report (DOMAIN §2), the same weeks PostgreSQL's
// date_trunc('week', …) and the History tab count in.
import { addDays, weekdayOf } from './zoned-time';

/** The Monday of the ISO week a 'YYYY-MM-DD' date falls in. */
export function mondayOf(date: string): string {
	return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** 'YYYY-Www' of a date: the year is the ISO week-year, which differs from the date's around 1 January. */
export function isoWeekOf(date: string): string {
	const thursday = addDays(mondayOf(date), 3);
	const year = thursday.slice(0, 4);
	const dayOfYear = (Date.parse(thursday) - Date.parse(`${year}-01-01`)) / 86_400_000;
	return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`;
}

/** The Monday of 'YYYY-Www', or null for a malformed week or one the year does not have (W53). */
export function mondayOfIsoWeek(week: string): string | null {
	const match = /^(\d{4})-W(\d{2})$/.exec(week);
	if (!match) return null;
	const n = Number(match[2]);
	if (n < 1 || n > 53) return null;
	// 4 January is always in week 1
	const monday = addDays(mondayOf(`${match[1]}-01-04`), (n - 1) * 7);
	return isoWeekOf(monday) === week ? monday : null;
}

/** Every Monday from `from` to `to` (both Mondays), in order. */
export function mondaysBetween(from: string, to: string): string[] {
	const mondays: string[] = [];
	for (let monday = from; monday <= to; monday = addDays(monday, 7)) mondays.push(monday);
	return mondays;
}
