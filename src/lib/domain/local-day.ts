// The MPP-local calendar: a business day, weekday and clock time are always those of the MPP's own
// IANA zone, never the server's (STYLE rule 6, DOMAIN §6). Indonesia has no DST, but Intl handles
// any zone so a future site elsewhere still works.
import { indonesianZones, weekdays, type Weekday } from './types';

export interface LocalTime {
	/** the MPP-local calendar date, 'YYYY-MM-DD' */
	date: string;
	weekday: Weekday;
	/** minutes since local midnight, 0…1439 */
	minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			weekday: 'short',
			hour: '2-digit',
			minute: '2-digit',
			// h23, not hour12: false, which some engines render as "24:05" just after midnight
			hourCycle: 'h23'
		});
		formats.set(timeZone, format);
	}
	return format;
}

export function localTime(at: Date, timeZone: string): LocalTime {
	const parts: Record<string, string> = {};
	for (const part of formatFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
	const weekday = parts.weekday.toLowerCase().slice(0, 3) as Weekday;
	if (!weekdays.includes(weekday)) throw new Error(`unexpected weekday ${parts.weekday}`);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		weekday,
		minutes: Number(parts.hour) * 60 + Number(parts.minute)
	};
}

export function localDate(at: Date, timeZone: string): string {
	return localTime(at, timeZone).date;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM:SS" of an instant on the clock of `timeZone` (24-hour), e.g. for "data as of 14:03:27 WITA". */
export function clockWithSeconds(at: Date, timeZone: string): string {
	let format = clockFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		clockFormats.set(timeZone, format);
	}
	return format.format(at);
}

/** WIB / WITA / WIT for the Indonesian zones; other zones keep their IANA name. */
export function zoneLabel(timeZone: string): string {
	return indonesianZones[timeZone] ?? timeZone;
}

/** "HH:MM" (00:00…24:00) → minutes since midnight. */
export function parseClock(clock: string): number {
	const match = /^(\d{2}):(\d{2})$/.exec(clock);
	if (!match) throw new Error(`not an HH:MM time: ${clock}`);
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	if (Number(match[2]) > 59 || minutes > 24 * 60) throw new Error(`not a time of day: ${clock}`);
	return minutes;
}

/** minutes since midnight → "HH:MM" */
export function formatClock(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
