import { describe, expect, it } from 'vitest';
import { planDay, type PlanDayInput } from './history-plan';
import { seededRandom } from './traffic-profile';
import type { OpeningHours } from './types';

const weekdayHours: [string, string][] = [['07:30', '16:00']];
const hours: OpeningHours = {
	sun: [],
	mon: weekdayHours,
	tue: weekdayHours,
	wed: weekdayHours,
	thu: weekdayHours,
	fri: [
		['07:30', '11:30'],
		['13:00', '16:00']
	],
	sat: []
};

function input(overrides: Partial<PlanDayInput> = {}): PlanDayInput {
	return {
		weekday: 1,
		openingHours: hours,
		services: [
			{ id: 'ktp', prefix: 'A', category: 'DUKCAPIL', weight: 0.7, dailyQuota: null },
			{ id: 'sim', prefix: 'D', category: 'POLRI', weight: 0.3, dailyQuota: 50 }
		],
		counters: [
			{ id: 'c1', serviceIds: ['ktp'] },
			{ id: 'c2', serviceIds: ['ktp'] },
			{ id: 'c3', serviceIds: ['ktp'] },
			{ id: 'c4', serviceIds: ['sim'] },
			{ id: 'c5', serviceIds: ['sim'] }
		],
		expectedTickets: 300,
		random: seededRandom(11),
		...overrides
	};
}

const avgWait = (tickets: ReturnType<typeof planDay>) =>
	tickets.reduce((sum, t) => sum + (t.calledAt - t.issuedAt), 0) / tickets.length;

describe('planDay', () => {
	it('numbers each service 001, 002, … without gaps and within its quota', () => {
		const tickets = planDay(input());
		for (const serviceId of ['ktp', 'sim']) {
			const seqs = tickets.filter((t) => t.serviceId === serviceId).map((t) => t.seq);
			expect(seqs).toEqual(seqs.map((_, i) => i + 1));
		}
		expect(tickets.filter((t) => t.serviceId === 'sim').length).toBeLessThanOrEqual(50);
		expect(tickets.find((t) => t.serviceId === 'ktp')?.number).toBe('A001');
	});

	it('issues about the expected number of tickets, all within opening hours and before the cut-off', () => {
		const tickets = planDay(input({ services: [input().services[0]] }));
		expect(tickets.length).toBeGreaterThan(240);
		expect(tickets.length).toBeLessThan(360);
		for (const t of tickets) {
			expect(t.issuedAt).toBeGreaterThanOrEqual(7.5 * 3600);
			expect(t.issuedAt).toBeLessThan(15 * 3600);
			expect(t.calledAt).toBeGreaterThan(t.issuedAt);
			expect(t.finishedAt).toBeGreaterThan(t.calledAt);
		}
	});

	it('one counter never serves two citizens at once', () => {
		const tickets = planDay(input());
		const byCounter = new Map<string, typeof tickets>();
		for (const t of tickets) byCounter.set(t.counterId, [...(byCounter.get(t.counterId) ?? []), t]);
		for (const list of byCounter.values()) {
			const sorted = [...list].sort((a, b) => a.calledAt - b.calledAt);
			for (let i = 1; i < sorted.length; i++)
				expect(sorted[i].calledAt).toBeGreaterThanOrEqual(sorted[i - 1].finishedAt);
		}
	});

	it('waits grow when the same counters face a busier day', () => {
		const quiet = planDay(input({ expectedTickets: 120 }));
		const busy = planDay(input({ expectedTickets: 500 }));
		expect(avgWait(busy)).toBeGreaterThan(avgWait(quiet) * 2);
	});

	it('has about 8% no-shows and 6% priority tickets', () => {
		const tickets = planDay(
			input({
				expectedTickets: 3000,
				counters: Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, serviceIds: ['ktp', 'sim'] }))
			})
		);
		const noShow = tickets.filter((t) => t.status === 'no_show').length / tickets.length;
		const priority = tickets.filter((t) => t.priorityGroup).length / tickets.length;
		expect(noShow).toBeGreaterThan(0.05);
		expect(noShow).toBeLessThan(0.11);
		expect(priority).toBeGreaterThan(0.04);
		expect(priority).toBeLessThan(0.08);
	});

	it('a closed day has no tickets, and Friday prayer time has almost none', () => {
		expect(planDay(input({ weekday: 0 }))).toEqual([]);
		const friday = planDay(input({ weekday: 5, expectedTickets: 1000 }));
		const prayer = friday.filter((t) => t.issuedAt >= 12 * 3600 && t.issuedAt < 13 * 3600);
		expect(prayer.length).toBe(0);
	});
});
