// The TV's clock: the MPP's own time and date with WIB/WITA/WIT (DOMAIN §6), whatever zone the TV
// itself is set to. "Senin, 23 November 2026" and "14:05 WIB".
import { zoneLabel } from '../domain/local-day';
import type { Locale } from '../i18n';

export interface ClockFace {
	time: string;
	date: string;
	zone: string;
}

const formats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string, locale: Locale) {
	const key = `${locale} ${timeZone}`;
	let format = formats.get(key);
	if (!format) {
		format = {
			date: new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
				timeZone,
				weekday: 'long',
				day: 'numeric',
				month: 'long',
				year: 'numeric'
			}),
			// h23 so midnight reads 00:05, never 24:05
			time: new Intl.DateTimeFormat('en-GB', {
				timeZone,
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23'
			})
		};
		formats.set(key, format);
	}
	return format;
}

export function clockFace(now: Date, timeZone: string, locale: Locale): ClockFace {
	const format = formatsFor(timeZone, locale);
	const parts = Object.fromEntries(format.time.formatToParts(now).map((p) => [p.type, p.value]));
	// id-ID writes 14.05; a lobby clock reads better (and as the brief shows) with a colon
	return { time: `${parts.hour}:${parts.minute}`, date: format.date.format(now), zone: zoneLabel(timeZone) };
}
