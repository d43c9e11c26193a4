// The live demo simulator: one MppRun per active MPP, ticked on a timer inside the server process.
// Ticks never overlap (the next is scheduled when one ends), each does bounded work, and an error is
// counted and reported at most once a minute, never thrown: a demo must not die of one refused call.
import { seededRandom } from '../../domain/traffic-profile';
import type { Sql } from '../db/client';
import { loadHistoryMpp } from '../db/history';
import { listMpps } from '../db/mpps';
import { AppError } from '../errors';
import { defaultBookingShare } from './booking-plan';
import { formatPosition } from './clock';
import { MppRun, type MppRunStats } from './mpp-run';

export interface SimulatorOptions {
	/** simulated seconds per real second (--speed) */
	speed: number;
	/** tickets on an average weekday for an MPP; default ≈ 22 per counter, as the history generator */
	ticketsPerWeekday?: (mpp: { slug: string; counters: number }) => number;
	/** only these MPPs (default: every active MPP) */
	mppIds?: string[];
	/** 'HH:MM': start every simulated clock there (tests); default the real local time or next opening */
	startClock?: string;
	/** share of arrivals who booked ahead, 0.3 by default; 0 turns booking off */
	bookingShare?: number;
	/** DOMAIN walk-in no-show rate 8% by default */
	noShowRate?: number;
	/** a counter where a person acted is left alone until this many quiet minutes (default 15) */
	humanQuietMinutes?: number;
	tickMs?: number;
	/** how often refused or failed engine calls are summed up in the log (default a minute) */
	reportEveryMs?: number;
	maxStepsPerTick?: number;
	seed?: number;
	log?: (line: string) => void;
}

export interface Simulator {
	/** a line for the demo banner */
	describe(): string;
	stats(): Record<string, MppRunStats & { clock: string; simulatedCounters: number }>;
	/** ends the timer and waits for a running tick; idempotent */
	stop(): Promise<void>;
}

const reportEveryMs = 60_000;

export async function startSimulator(sql: Sql, options: SimulatorOptions): Promise<Simulator> {
	if (!(options.speed > 0)) throw new Error('speed must be a positive number');
	const log = options.log ?? ((line: string) => console.log(line));
	const tickMs = options.tickMs ?? 1000;
	const random = seededRandom(options.seed ?? Date.now());
	const startedAt = new Date();
	const errors = new Map<string, number>();
	let lastReport = Date.now();
	const onError = (error: unknown) => {
		const key =
			error instanceof AppError ? error.code : error instanceof Error ? error.message : String(error);
		errors.set(key, (errors.get(key) ?? 0) + 1);
	};

	const runs: MppRun[] = [];
	for (const mpp of await listMpps(sql)) {
		if (options.mppIds && !options.mppIds.includes(mpp.id)) continue;
		const detail = await loadHistoryMpp(sql, mpp.id);
		if (!detail?.services.length || !detail.counters.length) continue;
		const perWeekday =
			options.ticketsPerWeekday?.({ slug: mpp.slug, counters: detail.counters.length }) ??
			detail.counters.length * 22;
		runs.push(
			new MppRun(
				sql,
				{ ...detail, slug: mpp.slug, callLimit: mpp.callLimit },
				{
					ticketsPerWeekday: perWeekday,
					bookingShare: options.bookingShare ?? defaultBookingShare,
					noShowRate: options.noShowRate ?? 0.08,
					humanQuietMs: (options.humanQuietMinutes ?? 15) * 60_000,
					maxStepsPerTick: options.maxStepsPerTick ?? 300,
					startedAt,
					startClock: options.startClock,
					random,
					onError
				}
			)
		);
	}

	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> | undefined;
	let last = Date.now();

	const tick = async () => {
		const now = Date.now();
		// after a stall (a suspended laptop) catch up at most ten seconds, not hours of citizens at once
		const realSeconds = Math.min(now - last, Math.max(tickMs * 10, 10_000)) / 1000;
		last = now;
		await Promise.all(runs.map((run) => run.tick(realSeconds * options.speed).catch(onError)));
		if (errors.size && now - lastReport >= (options.reportEveryMs ?? reportEveryMs)) {
			const summary = [...errors].map(([key, n]) => `${key} ×${n}`).join(', ');
			log(`Simulator: ${summary} in the last ${Math.round((now - lastReport) / 1000)} s (it carries on).`);
			errors.clear();
			lastReport = now;
		}
	};
	const schedule = () => {
		if (stopped) return;
		timer = setTimeout(() => {
			running = tick().finally(() => {
				running = undefined;
				schedule();
			});
		}, tickMs);
	};
	schedule();

	return {
		describe() {
			const clocks = runs.map((r) => `${r.mpp.slug} ${r.clock ? formatPosition(r.clock) : 'closed'}`);
			return `Live simulator: on at ${options.speed}× (simulated clock ${clocks.join(', ')}).`;
		},
		stats() {
			return Object.fromEntries(
				runs.map((r) => [
					r.mpp.slug,
					{
						...r.stats,
						clock: r.clock ? formatPosition(r.clock) : 'closed',
						simulatedCounters: r.simulatedCounters
					}
				])
			);
		},
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
		}
	};
}
