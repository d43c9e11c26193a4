// The Live tab's view of the floor, pure so its rules are unit-tested: services and counters grouped by
// agency (tenant), waits that keep growing between refreshes, and numbers as Indonesians write them.
import type { Locale } from '$lib/i18n';
import type { StaffSnapshot } from '$lib/realtime/events';
import type { LiveCounter, LiveService, LiveStats } from '$lib/server/stats/live';

export interface ServiceRow extends LiveService {
	prefix: string;
	/** the longest wait at `nowMs`, grown since the figures were read */
	longestNow: number | null;
	overTargetNow: boolean;
}

export interface Group<T> {
	agency: string;
	items: T[];
}

/** Seconds the figures have aged: their own `at` (server clock) to now, corrected by the clock skew. */
export function ageSeconds(live: LiveStats, nowMs: number, skewMs: number): number {
	return Math.max(0, (nowMs + skewMs - Date.parse(live.at)) / 1000);
}

/**
 * Services by agency in ticket-prefix order (the order kiosk and TV list them). The longest wait keeps
 * counting between refreshes, so a queue that stands still still turns into an alert when it passes
 * its target (DESIGN "Statistics": longest waiting now vs the service's target wait).
 */
export function serviceGroups(live: LiveStats, snapshot: StaffSnapshot, age: number): Group<ServiceRow>[] {
	const info = new Map(snapshot.services.map((s) => [s.id, s]));
	const rows = live.services.map((s): ServiceRow => {
		const longestNow = s.longestWaitSeconds === null ? null : s.longestWaitSeconds + age;
		return {
			...s,
			prefix: info.get(s.serviceId)?.prefix ?? '',
			longestNow,
			overTargetNow: longestNow !== null && longestNow > s.targetWaitMinutes * 60
		};
	});
	rows.sort((a, b) => a.prefix.localeCompare(b.prefix));
	return groupBy(rows, (s) => info.get(s.serviceId)?.tenantName ?? '');
}

/** Counters by the agency of the services they serve, "Loket 2" before "Loket 10". */
export function counterGroups(
	live: LiveStats,
	snapshot: StaffSnapshot,
	severalAgencies: string
): Group<LiveCounter>[] {
	const tenantOfService = new Map(snapshot.services.map((s) => [s.id, s.tenantName]));
	const prefixOfService = new Map(snapshot.services.map((s) => [s.id, s.prefix]));
	const servicesOf = new Map(snapshot.counters.map((c) => [c.id, c.serviceIds]));
	const agencyOf = (c: LiveCounter) => {
		const names = new Set((servicesOf.get(c.counterId) ?? []).map((id) => tenantOfService.get(id) ?? ''));
		return names.size === 1 ? [...names][0] : severalAgencies;
	};
	// agencies in the same order as the services table: by their first ticket prefix
	const firstPrefix = (c: LiveCounter) =>
		(servicesOf.get(c.counterId) ?? [])
			.map((id) => prefixOfService.get(id) ?? '~')
			.sort()
			.at(0) ?? '~';
	const collator = new Intl.Collator('id', { numeric: true });
	const counters = [...live.counters].sort((a, b) => collator.compare(a.counterName, b.counterName));
	const groups = groupBy(counters, agencyOf);
	const rank = (g: Group<LiveCounter>) => g.items.map(firstPrefix).sort().at(0) ?? '~';
	return groups.sort((a, b) => rank(a).localeCompare(rank(b)));
}

function groupBy<T>(items: T[], key: (item: T) => string): Group<T>[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		groups.set(k, [...(groups.get(k) ?? []), item]);
	}
	return [...groups].map(([agency, list]) => ({ agency, items: list }));
}

const numberLocale = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

export function formatCount(value: number, locale: Locale): string {
	return new Intl.NumberFormat(numberLocale(locale)).format(value);
}

/** A share 0–1 as "87,5%" (id-ID) or "87.5%". */
export function formatShare(value: number, locale: Locale): string {
	return new Intl.NumberFormat(numberLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(
		value
	);
}

export function formatDecimal(value: number, locale: Locale, digits = 2): string {
	return new Intl.NumberFormat(numberLocale(locale), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

export type WaitWords = {
	lessThanMinute: string;
	minutes: (m: number) => string;
	hours: (h: number, m: number) => string;
};

/**
 * A wait in whole minutes as a manager reads it: "< 1 mnt", "23 mnt", "1 j 05 mnt". A longest wait is
 * rounded up, so it reads as over a target exactly when it is over (15 min 20 s is "16 mnt", not a
 * puzzling "15 mnt" beside a 15-minute target).
 */
export function formatWait(seconds: number, words: WaitWords, rounding: 'down' | 'up' = 'down'): string {
	if (seconds < 60) return words.lessThanMinute;
	const minutes = rounding === 'up' ? Math.ceil(seconds / 60) : Math.floor(seconds / 60);
	if (minutes < 60) return words.minutes(minutes);
	return words.hours(Math.floor(minutes / 60), minutes % 60);
}
