// The optional filter of a TV that serves one floor or a few agencies:
//   /display/bandung?tenants=DUKCAPIL,POLRI&services=PASPOR
// Tenants by code; services by code or ticket prefix (what an admin reads off a slip). The filter
// limits the calls shown and announced and the waiting counts. Unknown codes are ignored and listed,
// so an admin sees a typo on the screen instead of a blank board. Parsed on the server (zod stays
// out of the TV's JavaScript); the page gets the resulting service ids.
import { z } from 'zod';

export interface FilterableService {
	id: string;
	code: string;
	prefix: string;
	tenantCode: string;
}

export interface DisplayFilter {
	/** the services this TV shows, or null for all of them */
	serviceIds: string[] | null;
	/** the codes that matched, normalised, for the admin's hint */
	applied: string[];
	/** codes that matched nothing (or a parameter that was not a list of codes) */
	ignored: string[];
}

const MAX_PARAM = 500;
const codePattern = /^[A-Z0-9_]{1,32}$/;
const param = z.string().max(MAX_PARAM).nullable();

function codes(raw: string | null): { codes: string[]; ignored: string[] } {
	const parsed = param.safeParse(raw);
	if (!parsed.success) return { codes: [], ignored: ['…'] };
	const tokens = (parsed.data ?? '')
		.split(',')
		.map((token) => token.trim().toUpperCase())
		.filter(Boolean);
	const unique = [...new Set(tokens)];
	return {
		codes: unique.filter((token) => codePattern.test(token)),
		// shortened so a junk parameter cannot flood the screen
		ignored: unique.filter((token) => !codePattern.test(token)).map((token) => token.slice(0, 32))
	};
}

export function parseDisplayFilter(query: URLSearchParams, services: FilterableService[]): DisplayFilter {
	const tenants = codes(query.get('tenants'));
	const named = codes(query.get('services'));
	const selected = new Set<string>();
	const applied: string[] = [];
	const ignored = [...tenants.ignored, ...named.ignored];

	for (const code of tenants.codes) {
		const matches = services.filter((s) => s.tenantCode === code);
		if (matches.length) applied.push(code);
		else ignored.push(code);
		for (const s of matches) selected.add(s.id);
	}
	for (const code of named.codes) {
		const matches = services.filter((s) => s.code === code || s.prefix === code);
		if (matches.length) applied.push(code);
		else ignored.push(code);
		for (const s of matches) selected.add(s.id);
	}
	return { serviceIds: selected.size ? [...selected] : null, applied, ignored };
}
