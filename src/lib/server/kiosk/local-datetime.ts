// "Senin, 23 Nov 2026 13:45:30 WIB": the day, date and clock of the MPP's own zone with its label,
// as Indonesian ticket slips print them (DOMAIN §5). The clock uses colons in both languages, like
// the slips do, where Intl's id-ID would write 13.45.30.
import { zoneLabel } from '$lib/domain/local-day';
import type { Locale } from '$lib/i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(locale: Locale, timeZone: string): Intl.DateTimeFormat {
	const key = `${locale}|${timeZone}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
			timeZone,
			weekday: 'long',
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		formats.set(key, format);
	}
	return format;
}

export interface LocalDateTime {
	/** "Senin, 23 Nov 2026" */
	date: string;
	/** "13:45:30 WIB" */
	time: string;
}

export function localDateTime(at: Date | string, timeZone: string, locale: Locale): LocalDateTime {
	const parts: Record<string, string> = {};
	for (const part of formatFor(locale, timeZone).formatToParts(new Date(at))) parts[part.type] = part.value;
	// en-GB abbreviates September as "Sept"; slips keep three letters
	const month = parts.month.replace(/\.$/, '').slice(0, 3);
	return {
		date: `${parts.weekday}, ${parts.day} ${month} ${parts.year}`,
		time: `${parts.hour}:${parts.minute}:${parts.second} ${zoneLabel(timeZone)}`
	};
}

/** The whole stamp on one line. */
export function formatLocalDateTime(at: Date | string, timeZone: string, locale: Locale): string {
	const { date, time } = localDateTime(at, timeZone, locale);
	return `${date} ${time}`;
}
