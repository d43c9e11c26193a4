// A timer that runs once per cluster, not once per node (issue 11): every node ticks, and the one
// that moves the beat's row in cluster_beats forward does the work. A node that dies simply stops
// claiming; the next tick of another node takes over.
import { claimBeat } from '../db/bus';
import { getSql } from '../db/client';

export interface BeatOptions {
	name: string;
	everyMs: number;
	run(): Promise<void>;
	/** skip this tick without claiming (e.g. nobody on this node watches) */
	when?(): boolean;
}

const slot = Symbol.for('antrean.bus.beats');
const inFlight = Symbol.for('antrean.bus.beats.running');
type Slots = typeof globalThis & {
	[slot]?: Map<string, ReturnType<typeof setInterval>>;
	/** ticks still running, so a shutdown can let them finish before the pool closes */
	[inFlight]?: Set<Promise<void>>;
};

/** Starts the beat; starting one of the same name again (dev HMR, a second registration) replaces it. */
export function startBeat(options: BeatOptions): void {
	const timers = ((globalThis as Slots)[slot] ??= new Map());
	clearInterval(timers.get(options.name));
	let busy = false;
	// a little less than the interval, so ticks that drift by a few ms still claim every time
	const claimEveryMs = options.everyMs * 0.8;
	const timer = setInterval(() => {
		if (busy || (options.when && !options.when())) return;
		busy = true;
		const running = ((globalThis as Slots)[inFlight] ??= new Set());
		// getSql() throws without DATABASE_URL; inside the promise that is logged, never thrown
		const tick: Promise<void> = Promise.resolve()
			.then(() => claimBeat(getSql(), options.name, claimEveryMs))
			.then((mine) => (mine ? options.run() : undefined))
			.catch((error: unknown) => console.error(`${options.name} failed`, error))
			.finally(() => {
				busy = false;
				running.delete(tick);
			});
		running.add(tick);
	}, options.everyMs);
	// a beat alone must not keep a process (a CLI, a test) alive
	timer.unref();
	timers.set(options.name, timer);
}

/**
 * Stops every beat and waits for the ticks still running: the server closes its pool only after, so
 * a sweep cut off by the shutdown never logs a lost connection as its failure.
 */
export async function stopBeats(): Promise<void> {
	const timers = (globalThis as Slots)[slot];
	for (const timer of timers?.values() ?? []) clearInterval(timer);
	timers?.clear();
	await Promise.all([...((globalThis as Slots)[inFlight] ?? [])]);
}
