import { describe, expect, it } from 'vitest';
import type { CallView, SnapshotService } from '../realtime/events';
import { visibleCalls, waitingByTenant } from './board';

const services: SnapshotService[] = [
	{ id: 'ktp', prefix: 'A', name: 'KTP Elektronik', tenantName: 'Disdukcapil' },
	{ id: 'kk', prefix: 'AK', name: 'Kartu Keluarga', tenantName: 'Disdukcapil' },
	{ id: 'oss', prefix: 'B', name: 'OSS', tenantName: 'DPMPTSP' },
	{ id: 'sim', prefix: 'D', name: 'SIM', tenantName: 'Polres' }
];

const call = (ticketId: string, serviceId: string): CallView => ({
	ticketId,
	number: ticketId.toUpperCase(),
	serviceId,
	counterId: 'c1',
	counterName: 'Loket 1',
	calledAt: '2026-11-23T07:00:00.000Z',
	callCount: 1
});

describe('waitingByTenant', () => {
	it('sums the waiting counts per tenant with the tenant’s ticket letters', () => {
		expect(waitingByTenant(services, { ktp: 5, kk: 2, oss: 0 }, () => true)).toEqual([
			{ tenantName: 'Disdukcapil', prefixes: ['A', 'AK'], waiting: 7 },
			{ tenantName: 'DPMPTSP', prefixes: ['B'], waiting: 0 },
			{ tenantName: 'Polres', prefixes: ['D'], waiting: 0 }
		]);
	});

	it('counts only the services a filtered TV serves', () => {
		const accepts = (id: string) => id === 'kk' || id === 'sim';
		expect(waitingByTenant(services, { ktp: 5, kk: 2, sim: 3 }, accepts)).toEqual([
			{ tenantName: 'Disdukcapil', prefixes: ['AK'], waiting: 2 },
			{ tenantName: 'Polres', prefixes: ['D'], waiting: 3 }
		]);
	});
});

describe('visibleCalls', () => {
	it('keeps the newest calls of the filtered services, up to the limit', () => {
		const calls = [call('a3', 'ktp'), call('d1', 'sim'), call('a2', 'ktp'), call('a1', 'ktp')];
		expect(visibleCalls(calls, (id) => id === 'ktp', 2).map((c) => c.ticketId)).toEqual(['a3', 'a2']);
	});
});
