// What the demo seed will create, derived from the profile without touching the database, so the
// seed, the printed logins table and the tests all read the same plan.
import type { Role } from '../../domain/types';
import { DEMO_EMAIL_DOMAIN, demoMpps, type DemoMpp, type DemoTenant } from './profile';

export interface PlannedCounter {
	/** "Loket 5": what the TV shows and the voice reads, numbered across the whole MPP */
	name: string;
	tenantCode: string;
	serviceCodes: string[];
}

export interface DemoLogin {
	email: string;
	name: string;
	role: Role;
	mppSlug: string | null;
	/** counter names, for operators */
	counters: string[];
	/** the agency an operator works for */
	tenantName?: string;
}

/**
 * Every counter serves its agency's main service (KTP-el at Dukcapil carries most tickets); the
 * other services are spread round-robin over the remaining counters, so each one has a counter.
 */
export function tenantCounterServices(tenant: DemoTenant): string[][] {
	const codes = tenant.services.map((s) => s.code);
	if (tenant.counters === 1) return [codes];
	const counters = Array.from({ length: tenant.counters }, () => [codes[0]]);
	codes.slice(1).forEach((code, i) => counters[1 + (i % (tenant.counters - 1))].push(code));
	return counters;
}

export function planCounters(mpp: DemoMpp): PlannedCounter[] {
	let number = 0;
	return mpp.tenants.flatMap((tenant) =>
		tenantCounterServices(tenant).map((serviceCodes) => ({
			name: `Loket ${++number}`,
			tenantCode: tenant.code,
			serviceCodes
		}))
	);
}

export const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
export const operatorEmail = (slug: string, n: number) => demoEmail(`operator.${slug}.${n}`);

/** The logins of one MPP: its manager, its supervisor and one operator per agency. */
export function mppLogins(mpp: DemoMpp): DemoLogin[] {
	const counters = planCounters(mpp);
	const base = { mppSlug: mpp.slug, counters: [] };
	return [
		{ ...base, email: demoEmail(`manager.${mpp.slug}`), name: mpp.people.manager, role: 'mpp_admin' },
		{ ...base, email: demoEmail(`supervisor.${mpp.slug}`), name: mpp.people.supervisor, role: 'supervisor' },
		...mpp.tenants.map((tenant, i) => ({
			email: operatorEmail(mpp.slug, i + 1),
			name: mpp.people.operators[i],
			role: 'operator' as const,
			mppSlug: mpp.slug,
			counters: counters.filter((c) => c.tenantCode === tenant.code).map((c) => c.name),
			tenantName: tenant.name
		}))
	];
}

export function demoLogins(mpps: DemoMpp[] = demoMpps): DemoLogin[] {
	return [
		{ email: demoEmail('admin'), name: 'Admin Antrean', role: 'superadmin', mppSlug: null, counters: [] },
		{
			email: demoEmail('ministry'),
			name: 'Dewi Anggraini (Kementerian PANRB)',
			role: 'ministry',
			mppSlug: null,
			counters: []
		},
		...mpps.flatMap(mppLogins)
	];
}
