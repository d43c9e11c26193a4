import { describe, expect, it } from 'vitest';
import type { Kpis } from '$lib/domain/kpi';
import type { StaffSnapshot } from '$lib/realtime/events';
import type { LiveCounter, LiveService, LiveStats } from '$lib/server/stats/live';
import { counterGroups, formatShare, formatWait, serviceGroups } from './floor';

const words = {
	lessThanMinute: '< 1 mnt',
	minutes: (m: number) => `${m} mnt`,
	hours: (h: number, m: number) => `${h} j ${String(m).padStart(2, '0')} mnt`
};

const noKpis = {} as Kpis;
const service = (
	serviceId: string,
	longestWaitSeconds: number | null,
	targetWaitMinutes = 15
): LiveService => ({
	serviceId,
	serviceName: serviceId,
	tenantId: 't',
	waiting: longestWaitSeconds === null ? 0 : 1,
	longestWaitSeconds,
	targetWaitMinutes,
	overTarget: false,
	today: noKpis
});
const counter = (counterId: string, counterName: string): LiveCounter => ({
	counterId,
	counterName,
	status: 'open',
	serving: null,
	idleSince: null,
	idleSeconds: null,
	statusSince: '2026-05-12T01:00:00.000Z',
	servedToday: 0
});

const snapshot = {
	services: [
		{ id: 'pkb', prefix: 'C', name: 'PKB', tenantName: 'Samsat' },
		{ id: 'ktp', prefix: 'A', name: 'KTP', tenantName: 'Disdukcapil' },
		{ id: 'kk', prefix: 'AK', name: 'KK', tenantName: 'Disdukcapil' }
	],
	counters: [
		{ id: 'c10', serviceIds: ['ktp'] },
		{ id: 'c2', serviceIds: ['ktp', 'kk'] },
		{ id: 'c3', serviceIds: ['pkb'] },
		{ id: 'c4', serviceIds: ['pkb', 'ktp'] }
	]
} as unknown as StaffSnapshot;

const live = (services: LiveService[], counters: LiveCounter[] = []): LiveStats => ({
	mppId: 'm',
	at: '2026-05-12T03:00:00.000Z',
	date: '2026-05-12',
	today: noKpis,
	services,
	counters
});

describe('the Live tab floor', () => {
	it('turns a standing queue into an alert once its longest wait passes the target', () => {
		const figures = live([service('pkb', 14 * 60 + 30)]);
		expect(serviceGroups(figures, snapshot, 0)[0].items[0].overTargetNow).toBe(false);
		const later = serviceGroups(figures, snapshot, 45)[0].items[0];
		expect(later.overTargetNow).toBe(true);
		expect(formatWait(later.longestNow!, words, 'up')).toBe('16 mnt');
	});

	it('groups services by agency in ticket-prefix order', () => {
		const groups = serviceGroups(
			live([service('pkb', null), service('kk', 60), service('ktp', null)]),
			snapshot,
			0
		);
		expect(groups.map((g) => [g.agency, g.items.map((s) => s.prefix)])).toEqual([
			['Disdukcapil', ['A', 'AK']],
			['Samsat', ['C']]
		]);
	});

	it('groups counters by their agency, Loket 2 before Loket 10, mixed counters apart', () => {
		const figures = live(
			[],
			[
				counter('c10', 'Loket 10'),
				counter('c3', 'Loket 3'),
				counter('c2', 'Loket 2'),
				counter('c4', 'Loket 4')
			]
		);
		expect(
			counterGroups(figures, snapshot, 'Lintas instansi').map((g) => [
				g.agency,
				g.items.map((c) => c.counterName)
			])
		).toEqual([
			['Disdukcapil', ['Loket 2', 'Loket 10']],
			['Lintas instansi', ['Loket 4']],
			['Samsat', ['Loket 3']]
		]);
	});

	it('writes waits and shares as Indonesians read them', () => {
		expect(formatWait(59, words)).toBe('< 1 mnt');
		expect(formatWait(23 * 60 + 59, words)).toBe('23 mnt');
		expect(formatWait(65 * 60, words)).toBe('1 j 05 mnt');
		expect(formatShare(0.875, 'id')).toBe('87,5%');
		expect(formatShare(0.875, 'en')).toBe('87.5%');
	});
});
