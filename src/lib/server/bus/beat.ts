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
type Slots = typeof globalThis & { [slot]?: Map<string, ReturnType<typeof setInterval>> };

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
		// getSql() throws without DATABASE_URL; inside the promise that is logged, never thrown
		Promise.resolve()
			.then(() => claimBeat(getSql(), options.name, claimEveryMs))
			.then((mine) => (mine ? options.run() : undefined))
			.catch((error: unknown) => console.error(`${options.name} failed`, error))
			.finally(() => (busy = false));
	}, options.everyMs);
	// a beat alone must not keep a process (a CLI, a test) alive
	timer.unref();
	timers.set(options.name, timer);
}

export function stopBeats(): void {
	const timers = (globalThis as Slots)[slot];
	for (const timer of timers?.values() ?? []) clearInterval(timer);
	timers?.clear();
}
