// One synthetic business day of an MPP, after DOMAIN's generator profile: arrivals by local hour,
// service mix, priority share, lognormal service times and walk-in no-shows, served FIFO by the
// counters that offer each service, so waits grow when a day is busy. Pure: no I/O, seeded random.
import { parseClock } from './local-day';
import {
	hourShare,
	poisson,
	priorityShare,
	sampleServiceSeconds,
	walkInNoShowRate,
	type Random
} from './traffic-profile';
import { priorityGroups, weekdays, type OpeningHours, type PriorityGroup } from './types';

export interface PlanService {
	id: string;
	prefix: string;
	/** tenant category for service times, e.g. DUKCAPIL, POLRI */
	category: string;
	/** relative share of the MPP's tickets */
	weight: number;
	dailyQuota: number | null;
}

export interface PlanCounter {
	id: string;
	serviceIds: string[];
}

export interface PlanDayInput {
	/** 0 = Sunday … 6 = Saturday, MPP-local */
	weekday: number;
	openingHours: OpeningHours;
	services: PlanService[];
	counters: PlanCounter[];
	/** expected tickets on an average weekday (DOMAIN mpp_sizes); scaled by the weekday factor by the caller */
	expectedTickets: number;
	random: Random;
}

/** Times are seconds since local midnight of the planned day. */
export interface PlannedTicket {
	serviceId: string;
	seq: number;
	number: string;
	priorityGroup: PriorityGroup | null;
	issuedAt: number;
	calledAt: number;
	callCount: number;
	startedAt: number | null;
	finishedAt: number;
	counterId: string;
	status: 'done' | 'no_show';
}

const secondsPerCall = 60;

export function planDay(input: PlanDayInput): PlannedTicket[] {
	const periods = (input.openingHours[weekdays[input.weekday]] ?? []).map(
		([from, to]) => [parseClock(from) * 60, parseClock(to) * 60] as const
	);
	if (!periods.length || !input.services.length) return [];
	const open = periods[0][0];
	const close = periods[periods.length - 1][1];
	const arrivals = arrivalTimes(input, periods, open, close);
	const totalWeight = input.services.reduce((sum, s) => sum + s.weight, 0);

	const seqs = new Map<string, number>();
	const tickets: (PlannedTicket & { category: string })[] = [];
	for (const issuedAt of arrivals) {
		const service = pickService(input.random, input.services, totalWeight);
		const seq = (seqs.get(service.id) ?? 0) + 1;
		if (seq > 999 || (service.dailyQuota !== null && seq > service.dailyQuota)) continue;
		seqs.set(service.id, seq);
		tickets.push({
			serviceId: service.id,
			seq,
			number: `${service.prefix}${String(seq).padStart(3, '0')}`,
			priorityGroup:
				input.random() < priorityShare
					? priorityGroups[Math.floor(input.random() * priorityGroups.length)]
					: null,
			issuedAt,
			calledAt: 0,
			callCount: 1,
			startedAt: null,
			finishedAt: 0,
			counterId: '',
			status: 'done',
			category: service.category
		});
	}
	serve(tickets, input.counters, open, input.random);
	return tickets.filter((t) => t.counterId).map(({ category: _category, ...ticket }) => ticket);
}

function arrivalTimes(
	input: PlanDayInput,
	periods: readonly (readonly [number, number])[],
	open: number,
	close: number
) {
	const times: number[] = [];
	// ~8% of the day queue before the doors open and take their numbers in the first 15 minutes
	const early = poisson(input.random, input.expectedTickets * 0.08);
	for (let i = 0; i < early; i++) times.push(open + Math.floor(input.random() * 15 * 60));
	for (let hour = 0; hour < 24; hour++) {
		const share = hourShare(hour, input.weekday);
		if (!share) continue;
		const mean = input.expectedTickets * share * 0.92;
		const count = poisson(input.random, mean);
		for (let i = 0; i < count; i++) {
			const at = hour * 3600 + Math.floor(input.random() * 3600);
			// inside opening hours, and not after the usual one-hour ticket cut-off
			if (at >= open && at < close - 3600 && periods.some(([from, to]) => at >= from - 1800 && at < to)) {
				times.push(at);
			}
		}
	}
	return times.sort((a, b) => a - b);
}

function pickService(random: Random, services: PlanService[], totalWeight: number): PlanService {
	let r = random() * totalWeight;
	for (const service of services) {
		r -= service.weight;
		if (r <= 0) return service;
	}
	return services[services.length - 1];
}

/** FIFO service: each ticket goes to the earliest-free counter that offers its service. */
function serve(
	tickets: (PlannedTicket & { category: string })[],
	counters: PlanCounter[],
	open: number,
	random: Random
) {
	const freeAt = new Map(counters.map((c) => [c.id, open]));
	const byService = new Map<string, string[]>();
	for (const counter of counters) {
		for (const serviceId of counter.serviceIds) {
			byService.set(serviceId, [...(byService.get(serviceId) ?? []), counter.id]);
		}
	}
	for (const ticket of tickets) {
		const candidates = byService.get(ticket.serviceId) ?? [];
		if (!candidates.length) continue;
		let counterId = candidates[0];
		for (const id of candidates) if (freeAt.get(id)! < freeAt.get(counterId)!) counterId = id;
		const calledAt = Math.max(ticket.issuedAt + 20, freeAt.get(counterId)!);
		ticket.counterId = counterId;
		ticket.calledAt = calledAt;
		if (random() < walkInNoShowRate) {
			ticket.status = 'no_show';
			ticket.callCount = 3;
			ticket.finishedAt = calledAt + 3 * secondsPerCall;
		} else {
			ticket.startedAt = calledAt + 30 + Math.floor(random() * 60);
			ticket.finishedAt = ticket.startedAt + sampleServiceSeconds(random, ticket.category);
		}
		freeAt.set(counterId, ticket.finishedAt + 15);
	}
}
