// Opening hours as an officer fills them in: per weekday the opening and closing time and an optional
// break (the Friday prayer, DOMAIN profile "friday_break"), instead of a list of periods.
import { parseClock } from '../domain/local-day';
import { weekdays, type OpeningHours, type Weekday } from '../domain/types';

export interface DayForm {
	open: boolean;
	from: string;
	to: string;
	breakFrom: string;
	breakTo: string;
}

/** Why a day's times cannot be saved: a message key of the admin catalogue. */
export type DayProblem = 'admin.invalid.time' | 'admin.invalid.hoursOrder' | 'admin.invalid.breakOrder';

const clock = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function toDayForms(hours: OpeningHours): Record<Weekday, DayForm> {
	const forms = {} as Record<Weekday, DayForm>;
	for (const day of weekdays) {
		const periods = [...(hours[day] ?? [])].sort(([a], [b]) => a.localeCompare(b));
		const first = periods[0];
		const last = periods[periods.length - 1];
		forms[day] = {
			open: periods.length > 0,
			from: first?.[0] ?? '',
			to: last?.[1] ?? '',
			// more than one break is shown as the time between the first and the last period
			breakFrom: periods.length > 1 ? first[1] : '',
			breakTo: periods.length > 1 ? last[0] : ''
		};
	}
	return forms;
}

/** The periods of one day, or the problem with its times. */
export function fromDayForm(form: DayForm): { periods: [string, string][] } | { problem: DayProblem } {
	if (!form.open) return { periods: [] };
	if (!clock.test(form.from) || !clock.test(form.to)) return { problem: 'admin.invalid.time' };
	const from = parseClock(form.from);
	const to = parseClock(form.to);
	if (from >= to) return { problem: 'admin.invalid.hoursOrder' };
	if (!form.breakFrom && !form.breakTo) return { periods: [[form.from, form.to]] };
	if (!clock.test(form.breakFrom) || !clock.test(form.breakTo)) return { problem: 'admin.invalid.time' };
	const breakFrom = parseClock(form.breakFrom);
	const breakTo = parseClock(form.breakTo);
	if (!(from < breakFrom && breakFrom < breakTo && breakTo < to))
		return { problem: 'admin.invalid.breakOrder' };
	return {
		periods: [
			[form.from, form.breakFrom],
			[form.breakTo, form.to]
		]
	};
}
