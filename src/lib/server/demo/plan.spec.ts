import { describe, expect, it } from 'vitest';
import { demoLogins, planCounters, tenantCounterServices } from './plan';
import { demoMpps } from './profile';

describe('demo plan', () => {
	it('names one operator per agency and gives every MPP unique ticket prefixes', () => {
		for (const mpp of demoMpps) {
			expect(mpp.people.operators).toHaveLength(mpp.tenants.length);
			const prefixes = mpp.tenants.flatMap((t) => t.services.map((s) => s.prefix));
			expect(new Set(prefixes).size).toBe(prefixes.length);
			for (const prefix of prefixes) expect(prefix).toMatch(/^[A-Z]{1,2}$/);
		}
	});

	it('spreads an agency’s services so each has a counter, and every counter serves the main one', () => {
		const tenant = { code: 'X', name: 'X', counters: 3, services: demoMpps[0].tenants[0].services };
		const counters = tenantCounterServices(tenant);
		expect(counters).toHaveLength(3);
		for (const codes of counters) expect(codes[0]).toBe('KTP_EL');
		expect(new Set(counters.flat())).toEqual(new Set(tenant.services.map((s) => s.code)));
	});

	it('numbers counters across the MPP and hands each to exactly one operator', () => {
		for (const mpp of demoMpps) {
			const names = planCounters(mpp).map((c) => c.name);
			expect(names[0]).toBe('Loket 1');
			expect(names.at(-1)).toBe(`Loket ${names.length}`);
			const assigned = demoLogins([mpp]).flatMap((l) => l.counters);
			expect(assigned.sort()).toEqual([...names].sort());
		}
	});
});
