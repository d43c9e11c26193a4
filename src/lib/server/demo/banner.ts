// The block `npm run demo` prints: where to click and who to log in as.
import { indonesianZones } from '../../domain/types';
import type { DemoDevices } from './devices';
import { demoLogins } from './plan';
import { DEMO_PASSWORD, demoMpps, type DemoMpp } from './profile';

export interface BannerInput {
	baseUrl: string;
	devices: DemoDevices[];
	/** where the data lives, e.g. "embedded PostgreSQL 18 in .antrean/pg" */
	database: string;
	mpps?: DemoMpp[];
	/** a line about the live simulator */
	simulator?: string;
	/** `--edge`: this MPP's hall (kiosk, TV, counters) is served by the edge at baseUrl */
	edge?: { slug: string; baseUrl: string };
}

export function formatDemoBanner(input: BannerInput): string {
	const base = input.baseUrl.replace(/\/$/, '');
	const mpps = input.mpps ?? demoMpps;
	const lines: string[] = [];
	const rule = '─'.repeat(78);
	const row = (label: string, value: string) => lines.push(`  ${label.padEnd(22)}${value}`);

	lines.push(rule, `  Antrean demo is running at ${base}`, `  Database: ${input.database}`);
	if (input.simulator) lines.push(`  ${input.simulator}`);
	lines.push(rule);
	row('Home', `${base}/`);
	row('Login', `${base}/login`);
	row('Counter console', `${base}/counter`);
	row('Ministry dashboard', `${base}/ministry`);
	row('Administration', `${base}/admin`);
	row('HTTP API', `${base}/api/v1`);
	row('Health', `${base}/healthz`);
	row('Ready', `${base}/readyz`);
	for (const mpp of mpps) {
		const devices = input.devices.find((d) => d.slug === mpp.slug);
		const edge = input.edge?.slug === mpp.slug ? input.edge.baseUrl.replace(/\/$/, '') : undefined;
		// an edge-served MPP's hall talks to its edge; managers and the ministry stay on the centre
		const hall = edge ?? base;
		lines.push('', `  ${mpp.name} (${mpp.province}, ${indonesianZones[mpp.timezone] ?? mpp.timezone})`);
		row('  Manager dashboard', `${base}/manage/${mpp.slug}`);
		row('  Book a visit', `${base}/book/${mpp.slug}`);
		if (edge) {
			row('  Edge (the hall)', `${edge}/  (counters: ${edge}/counter)`);
			row('  Edge link', 'type c + Enter to cut it, r + Enter to restore it');
		}
		if (devices) {
			row('  Lobby TV', `${hall}/display/${mpp.slug}?device=${devices.tokens.display}`);
			row('  Kiosk', `${hall}/kiosk/${mpp.slug}?device=${devices.tokens.kiosk}`);
			row('  Survey tablet', `${hall}/feedback/${mpp.slug}?device=${devices.tokens.feedback}`);
		}
	}
	lines.push('', rule, `  Logins (password for all: ${DEMO_PASSWORD})`, rule);
	const logins = demoLogins(mpps);
	const width = Math.max(...logins.map((l) => l.email.length)) + 2;
	for (const login of logins) {
		const what = login.tenantName ? `${login.tenantName}: ${counterRange(login.counters)}` : login.name;
		lines.push(`  ${login.email.padEnd(width)}${login.role.padEnd(12)}${what}`);
	}
	lines.push(rule, '  Press Ctrl-C to stop.', '');
	return lines.join('\n');
}

/** "Loket 1–8" for consecutive counters, else the names joined. */
function counterRange(names: string[]): string {
	const numbers = names.map((n) => Number(n.replace(/^Loket /, '')));
	const consecutive = numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n === numbers[i - 1] + 1));
	if (names.length > 1 && consecutive) return `Loket ${numbers[0]}–${numbers.at(-1)}`;
	return names.join(', ');
}
