import { describe, expect, it } from 'vitest';
import { acceptsService } from './board';
import { parseDisplayFilter, type FilterableService } from './filter';

const services: FilterableService[] = [
	{ id: 'ktp', code: 'KTP_EL', prefix: 'A', tenantCode: 'DUKCAPIL' },
	{ id: 'kk', code: 'KK', prefix: 'AK', tenantCode: 'DUKCAPIL' },
	{ id: 'sim', code: 'SIM', prefix: 'D', tenantCode: 'POLRI' },
	{ id: 'skck', code: 'SKCK', prefix: 'DS', tenantCode: 'POLRI' },
	{ id: 'paspor', code: 'PASPOR', prefix: 'E', tenantCode: 'IMIGRASI' }
];
const parse = (query: string) => parseDisplayFilter(new URLSearchParams(query), services);

describe('parseDisplayFilter', () => {
	it('shows everything without a filter', () => {
		expect(parse('')).toEqual({ serviceIds: null, applied: [], ignored: [] });
	});

	it('selects every service of the named tenants', () => {
		const filter = parse('tenants=DUKCAPIL,POLRI');
		expect(filter.serviceIds?.sort()).toEqual(['kk', 'ktp', 'sim', 'skck']);
		expect(filter.applied).toEqual(['DUKCAPIL', 'POLRI']);
	});

	it('takes services by code or ticket prefix, case-insensitively, and joins them with tenants', () => {
		const filter = parse('tenants=imigrasi&services=ktp_el, ds');
		expect(filter.serviceIds?.sort()).toEqual(['ktp', 'paspor', 'skck']);
		expect(filter.ignored).toEqual([]);
	});

	it('ignores unknown and malformed codes but keeps the rest', () => {
		const filter = parse('tenants=DUKCAPIL,SAMSAT,<script>&services=ZZ');
		expect(filter.serviceIds?.sort()).toEqual(['kk', 'ktp']);
		expect(filter.ignored).toEqual(['<SCRIPT>', 'SAMSAT', 'ZZ']);
	});

	it('shows everything when no code matches, and says what it ignored', () => {
		expect(parse('tenants=NOPE')).toEqual({ serviceIds: null, applied: [], ignored: ['NOPE'] });
	});

	it('refuses an absurdly long parameter as a whole', () => {
		const filter = parse(`tenants=${'DUKCAPIL,'.repeat(100)}`);
		expect(filter.serviceIds).toBeNull();
		expect(filter.ignored).toEqual(['…']);
	});

	it('accepts only the selected services', () => {
		const accepts = acceptsService(parse('services=SIM'));
		expect(accepts('sim')).toBe(true);
		expect(accepts('ktp')).toBe(false);
		expect(acceptsService({ serviceIds: null })('anything')).toBe(true);
	});
});
