// A booking as an iCalendar file (RFC 5545). Times carry the MPP's IANA zone (TZID) with a VTIMEZONE
// of its fixed offset (Indonesia has no DST, Keppres 41/1987), so a phone set to another zone still
// shows the visit at the right instant.
import { slotMinutes } from '../../domain/booking-slots';
import { localTime } from '../../domain/local-day';
import type { BookingView } from './view';

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYYMMDDTHHMMSS' of an instant on the clock of `timeZone`. */
function localStamp(at: Date, timeZone: string): string {
	const t = localTime(at, timeZone);
	return `${t.date.replaceAll('-', '')}T${pad(Math.floor(t.minutes / 60))}${pad(t.minutes % 60)}00`;
}

/** '+0800' for a zone, read from the clock at an instant. */
function offsetOf(at: Date, timeZone: string): string {
	const t = localTime(at, timeZone);
	const shown = Date.parse(`${t.date}T00:00:00Z`) + t.minutes * 60_000;
	const minutes = Math.round((shown - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
	const sign = minutes < 0 ? '-' : '+';
	return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

/** Commas, semicolons, backslashes and newlines escaped as TEXT values require. */
const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

export function bookingCalendar(b: BookingView, words: { summary: string; description: string }): string {
	const zone = b.mpp.timezone;
	const start = new Date(b.slotStart);
	const end = new Date(start.getTime() + slotMinutes * 60_000);
	const offset = offsetOf(start, zone);
	const utc = (d: Date) =>
		d
			.toISOString()
			.replace(/[-:]/g, '')
			.replace(/\.\d{3}/, '');
	return [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Antrean//Booking//ID',
		'CALSCALE:GREGORIAN',
		'BEGIN:VTIMEZONE',
		`TZID:${zone}`,
		'BEGIN:STANDARD',
		'DTSTART:19700101T000000',
		`TZOFFSETFROM:${offset}`,
		`TZOFFSETTO:${offset}`,
		`TZNAME:${b.zone}`,
		'END:STANDARD',
		'END:VTIMEZONE',
		'BEGIN:VEVENT',
		`UID:${b.code}@antrean`,
		`DTSTAMP:${utc(new Date(b.createdAt))}`,
		`DTSTART;TZID=${zone}:${localStamp(start, zone)}`,
		`DTEND;TZID=${zone}:${localStamp(end, zone)}`,
		`SUMMARY:${text(words.summary)}`,
		`DESCRIPTION:${text(words.description)}`,
		`LOCATION:${text(b.mpp.name)}`,
		'END:VEVENT',
		'END:VCALENDAR',
		''
	].join('\r\n');
}
