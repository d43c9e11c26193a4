// Numbers and MPP-local dates the way the dashboard's readers write them: id-ID (1.234; 12,5; 85,3%)
// in Indonesian, en-GB in English. Dates arrive as the MPP's own 'YYYY-MM-DD', so they are formatted
// in UTC: the day is already local, and no browser zone may shift it.
import type { Locale } from '$lib/i18n';

export function numberLocale(locale: Locale): string {
	return locale === 'id' ? 'id-ID' : 'en-GB';
}

const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

export function formatters(locale: Locale) {
	const tag = numberLocale(locale);
	const integer = new Intl.NumberFormat(tag);
	const fixed = (digits: number) =>
		new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
	const one = fixed(1);
	const two = fixed(2);
	const dayMonthYear = new Intl.DateTimeFormat(tag, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
	const dayMonth = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
	const withWeekday = new Intl.DateTimeFormat(tag, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	});
	const longWeekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
	const shortWeekday = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
	const monthYear = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
	const clock = new Intl.DateTimeFormat(tag, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'UTC'
	});
	// 2023-01-01 was a Sunday: weekday n is n days later
	const weekdayDate = (weekday: number) => new Date(Date.UTC(2023, 0, 1 + weekday));

	return {
		int: (n: number) => integer.format(n),
		/** seconds → minutes with one decimal ("12,5"), or a dash when nothing was measured */
		minutes: (seconds: number | null) => (seconds === null ? '–' : one.format(seconds / 60)),
		/** a 0–1 share → "85,3" (the % sits in the column header) */
		pct: (share: number | null) => (share === null ? '–' : one.format(share * 100)),
		/** a 0–1 share → "85,3%" */
		percent: (share: number | null) => (share === null ? '–' : `${one.format(share * 100)}%`),
		decimal: (n: number | null, digits = 2) =>
			n === null ? '–' : digits === 2 ? two.format(n) : fixed(digits).format(n),
		date: (date: string) => dayMonthYear.format(utcDate(date)),
		dayMonth: (date: string) => dayMonth.format(utcDate(date)),
		dateWithWeekday: (date: string) => withWeekday.format(utcDate(date)),
		month: (month: string) => monthYear.format(utcDate(`${month}-01`)),
		/** the weekday of a date, "Senin" */
		dayName: (date: string) => longWeekday.format(utcDate(date)),
		weekday: (weekday: number) => longWeekday.format(weekdayDate(weekday)),
		weekdayShort: (weekday: number) => shortWeekday.format(weekdayDate(weekday)),
		/** local clock hour → "08.00" (id) / "08:00" (en) */
		hour: (hour: number) => clock.format(new Date(Date.UTC(2023, 0, 1, hour))),
		/** an instant in the MPP's zone, for "printed on" lines */
		instant: (at: Date, timeZone: string) =>
			new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(at)
	};
}

export type Formatters = ReturnType<typeof formatters>;

/** Indonesian weeks, and the tables' weekday order, start on Monday (Senin). */
export const mondayFirst = [1, 2, 3, 4, 5, 6, 0] as const;
