// One MPP's simulated day: citizens take tickets after the arrival curve, and a virtual operator at
// every counter nobody else is using calls, recalls, serves and marks no-shows, all through the real
// queue engine, whose transactions send every change on the bus, so screens and dashboards move by themselves.
//
// Time: counters plan their next step in simulated seconds (`elapsed`, which only grows); each step
// runs when the simulated clock has reached it. The engine writes real timestamps (its own `now`), so
// "today" stays today and at --speed N a ten-minute service lasts 10/N real minutes.
import { localTime } from '../../domain/local-day';
import { pickWeighted, type Random } from '../../domain/traffic-profile';
import { weekdays, type OpeningHours } from '../../domain/types';
import type { Sql } from '../db/client';
import type { HistoryMpp } from '../db/history';
import { findMppById, type Mpp } from '../db/mpps';
import { listSimulationCounters, type SimulationCounter } from '../db/simulation';
import { AppError } from '../errors';
import { weightServices } from '../history/generate';
import { callNext, finish, issueTicket, noShow, recall, start } from '../queue';
import { arrivalsInTick, expectedArrivals } from './arrivals';
import { SimulatedBookers, type BookingStats } from './bookers';
import { advance, countersWork, startPosition, type ClockPosition } from './clock';
import {
	afterUnansweredCall,
	citizenPresent,
	isSimulated,
	priorityGroupOf,
	secondsBetweenCalls,
	serviceSeconds,
	walkUpSeconds,
	wrapUpSeconds
} from './operator';

/** What a virtual operator does next at one counter, and when (simulated seconds). */
type Plan =
	| { phase: 'idle'; at: number }
	| {
			phase: 'walking' | 'absent' | 'serving';
			at: number;
			ticketId: string;
			serviceId: string;
			callCount: number;
	  };

export interface MppRunSettings {
	ticketsPerWeekday: number;
	/** share of arrivals who booked ahead (bookers.ts); 0 turns booking off */
	bookingShare: number;
	noShowRate: number;
	humanQuietMs: number;
	/** steps (engine calls) at most per tick, so one tick's work stays bounded */
	maxStepsPerTick: number;
	startedAt: Date;
	/** 'HH:MM' to start the simulated clock at, else the real local time or the next opening */
	startClock?: string;
	random: Random;
	onError(error: unknown): void;
}

export interface MppRunStats extends BookingStats {
	issued: number;
	called: number;
	recalled: number;
	served: number;
	noShows: number;
	refused: number;
}

const actor = { userId: null, deviceId: null };

export class MppRun {
	readonly stats: MppRunStats;
	clock: ClockPosition | null;
	simulatedCounters = 0;
	private elapsed = 0;
	/** `elapsed` when this tick began: an idle counter's next call is never earlier */
	private tickStart = 0;
	private readonly plans = new Map<string, Plan>();
	private readonly mix: Record<string, number>;
	private readonly category = new Map<string, string>();
	/** services whose quota or numbers ran out, per local date: citizens are turned away, not retried */
	private readonly exhausted = new Set<string>();
	private readonly bookers: SimulatedBookers;
	/** the MPP as booking reads it, refreshed every tick (an admin may change its hours meanwhile) */
	private bookingMpp: Mpp | undefined;

	constructor(
		private readonly sql: Sql,
		readonly mpp: HistoryMpp & { slug: string; callLimit: number },
		private readonly settings: MppRunSettings
	) {
		const services = weightServices(mpp.services);
		this.mix = Object.fromEntries(services.map((s) => [s.id, s.weight]));
		for (const s of services) this.category.set(s.id, s.category);
		this.clock = initialClock(mpp.openingHours, mpp.timezone, settings.startClock);
		this.bookers = new SimulatedBookers(sql, settings.random, settings.bookingShare, settings.onError);
		const counts = { issued: 0, called: 0, recalled: 0, served: 0, noShows: 0, refused: 0 };
		this.stats = Object.assign(this.bookers.stats, counts);
	}

	/** Moves the simulated clock on by `simSeconds`, issues the arrivals, then drives the counters. */
	async tick(simSeconds: number): Promise<void> {
		if (!this.clock) return;
		const { openingHours } = this.mpp;
		const expected = expectedArrivals(openingHours, this.clock, simSeconds, this.settings.ticketsPerWeekday);
		this.clock = advance(openingHours, this.clock, simSeconds);
		this.tickStart = this.elapsed;
		this.elapsed += simSeconds;
		let budget = this.settings.maxStepsPerTick;
		if (this.settings.bookingShare > 0) {
			this.bookingMpp = await findMppById(this.sql, this.mpp.id);
			if (this.bookingMpp) await this.bookers.bookAhead(this.bookingMpp, expected, this.openServices());
		}
		const arrivals = arrivalsInTick(this.settings.random, expected, Math.floor(budget / 2));
		for (let i = 0; i < arrivals; i++, budget--) await this.arrive();

		const since = new Date(Date.now() - this.settings.humanQuietMs);
		const counters = await listSimulationCounters(this.sql, this.mpp.id, since);
		const mine = counters.filter((c) => isSimulated(c, since, this.settings.startedAt));
		this.simulatedCounters = mine.length;
		for (const id of this.plans.keys()) if (!mine.some((c) => c.id === id)) this.plans.delete(id);
		const working = countersWork(openingHours, this.clock);
		for (const counter of mine) {
			budget = await this.drive(counter, working, budget);
			if (budget <= 0) break;
		}
	}

	/** The service mix without the services whose quota or numbers ran out today. */
	private openServices(): Record<string, number> {
		const date = localTime(new Date(), this.mpp.timezone).date;
		return Object.fromEntries(
			Object.entries(this.mix).filter(([id]) => !this.exhausted.has(`${id}:${date}`))
		);
	}

	private async arrive(): Promise<void> {
		const date = localTime(new Date(), this.mpp.timezone).date;
		const open = this.openServices();
		if (!Object.keys(open).length) return;
		const booked = this.bookingMpp && this.settings.random() < this.settings.bookingShare;
		if (booked && (await this.bookers.arrive(this.bookingMpp!, open))) return;
		const serviceId = pickWeighted(this.settings.random, open);
		try {
			await issueTicket(this.sql, {
				mppId: this.mpp.id,
				serviceId,
				priorityGroup: priorityGroupOf(this.settings.random),
				source: 'kiosk',
				actor,
				// the simulated day runs at any real hour; quotas still apply
				ignoreOpeningHours: true
			});
			this.stats.issued++;
		} catch (error) {
			const code = error instanceof AppError ? error.code : '';
			if (code === 'quota_reached' || code === 'numbers_exhausted') {
				this.exhausted.add(`${serviceId}:${date}`);
				this.stats.refused++;
			} else this.settings.onError(error);
		}
	}

	/** Runs this counter's due steps; returns the budget left. */
	private async drive(counter: SimulationCounter, working: boolean, budget: number): Promise<number> {
		let plan = this.plans.get(counter.id);
		const planned = plan && plan.phase !== 'idle' ? plan.ticketId : null;
		// someone else moved this counter on since the last tick: take it as it is now
		if (!plan || planned !== counter.currentTicketId) plan = this.adopt(counter);
		let hasWaiting = counter.hasWaiting;
		// A step has no effect until the clock reaches it; a counter does several per tick at high speed.
		while (budget > 0 && plan.at <= this.elapsed) {
			if (plan.phase === 'idle' && (!working || !hasWaiting)) break;
			budget--;
			try {
				const next = await this.step(counter, plan);
				if (!next) hasWaiting = false;
				plan = next ?? { phase: 'idle', at: plan.at };
			} catch (error) {
				// a refusal (a person acted here meanwhile, a state we did not expect): start over from the database
				this.settings.onError(error);
				this.plans.delete(counter.id);
				return budget;
			}
		}
		this.plans.set(counter.id, plan);
		return budget;
	}

	/** One engine call; null when the counter called and nobody waits. */
	private async step(counter: SimulationCounter, plan: Plan): Promise<Plan | null> {
		const random = this.settings.random;
		const ticketId = plan.phase === 'idle' ? null : plan.ticketId;
		let next: Plan | null;
		if (plan.phase === 'idle') {
			const result = await callNext(this.sql, { counterId: counter.id, actor });
			const ticket = result.ticket;
			const at = Math.max(plan.at, this.tickStart);
			if (ticket) this.stats.called++;
			const called = { ticketId: ticket?.id ?? '', serviceId: ticket?.serviceId ?? '', callCount: 1 };
			next = !ticket
				? null
				: citizenPresent(random, this.settings.noShowRate)
					? { phase: 'walking', at: at + walkUpSeconds(random), ...called }
					: { phase: 'absent', at: at + secondsBetweenCalls, ...called };
		} else if (plan.phase === 'walking') {
			await start(this.sql, { ticketId: ticketId!, actor });
			const seconds = serviceSeconds(random, this.categoryOf(plan.serviceId));
			next = { ...plan, phase: 'serving', at: plan.at + seconds };
		} else if (plan.phase === 'serving') {
			await finish(this.sql, { ticketId: ticketId!, actor });
			this.stats.served++;
			next = { phase: 'idle', at: plan.at + wrapUpSeconds(random) };
		} else if (afterUnansweredCall(plan.callCount, this.mpp.callLimit) === 'recall') {
			const result = await recall(this.sql, { ticketId: ticketId!, actor });
			this.stats.recalled++;
			next = { ...plan, at: plan.at + secondsBetweenCalls, callCount: result.ticket.callCount };
		} else {
			await noShow(this.sql, { ticketId: ticketId!, actor });
			this.stats.noShows++;
			next = { phase: 'idle', at: plan.at + wrapUpSeconds(random) };
		}
		return next;
	}

	/** A counter the simulator had no plan for (first tick, after a restart, after a person left it). */
	private adopt(counter: SimulationCounter): Plan {
		const random = this.settings.random;
		const id = counter.currentTicketId;
		if (!id || !counter.ticketStatus || !counter.ticketServiceId) return { phase: 'idle', at: this.elapsed };
		const held = { ticketId: id, serviceId: counter.ticketServiceId, callCount: counter.callCount };
		if (counter.ticketStatus === 'serving') {
			const left = serviceSeconds(random, this.categoryOf(held.serviceId)) / 2;
			return { phase: 'serving', at: this.elapsed + left, ...held };
		}
		return { phase: 'walking', at: this.elapsed + walkUpSeconds(random), ...held };
	}

	private categoryOf(serviceId: string): string {
		return this.category.get(serviceId) ?? 'DEFAULT';
	}
}

function initialClock(hours: OpeningHours, timezone: string, startClock?: string): ClockPosition | null {
	const real = localTime(new Date(), timezone);
	const weekday = weekdays.indexOf(real.weekday);
	if (startClock) {
		const [hh, mm] = startClock.split(':').map(Number);
		return startPosition(hours, { weekday, seconds: hh * 3600 + mm * 60 });
	}
	return startPosition(hours, { weekday, seconds: real.minutes * 60 });
}
