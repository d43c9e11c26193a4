// From an MPP-local calendar date and clock time to the UTC instant, for generated history and for
// "today in Jayapura starts two hours before today in Jakarta" (DOMAIN §6).

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at `at` (+420 for WIB, +480 WITA, +540 WIT). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
	let format = offsetFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
		offsetFormats.set(timeZone, format);
	}
	const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	if (!match) return 0;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** UTC milliseconds of `seconds` after local midnight of `date` ('YYYY-MM-DD') in `timeZone`. */
export function zonedInstant(date: string, seconds: number, timeZone: string): number {
	const [y, m, d] = date.split('-').map(Number);
	const naive = Date.UTC(y, m - 1, d) + seconds * 1000;
	// the offset at the naive instant is right for zones without DST changes that day (all of Indonesia)
	return naive - zoneOffsetMinutes(timeZone, new Date(naive)) * 60_000;
}

/** 'YYYY-MM-DD' plus `days` calendar days. */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday for a calendar date. */
export function weekdayOf(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
