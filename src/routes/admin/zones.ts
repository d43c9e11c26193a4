// The zones an MPP may be in: the three Indonesian ones first (DOMAIN §6), then every other IANA zone.
import { zoneLabel } from '$lib/domain/local-day';

export const indonesianZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

const offsets: Record<string, string> = {
	'Asia/Jakarta': 'UTC+7',
	'Asia/Makassar': 'UTC+8',
	'Asia/Jayapura': 'UTC+9'
};

export function zoneName(zone: string): string {
	const label = zoneLabel(zone);
	return offsets[zone]
		? `${label} — ${zone} (${offsets[zone]})`
		: label === zone
			? zone
			: `${label} — ${zone}`;
}

export function otherZones(): string[] {
	const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
	return all.filter((z) => !(indonesianZones as readonly string[]).includes(z));
}
