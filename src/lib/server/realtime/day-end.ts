// Runs the day-end sweep (queue/expire.ts) at startup and every 30 s, so the open tickets of an MPP's
// ended local day are expired at the latest a minute after its midnight, and everyone following the
// MPP (TV, staff, the citizen's phone) hears it through the usual publish path. Every node runs it;
// the sweep itself is safe to run concurrently.
import { getSql } from '../db/client';
import { expireEndedDays } from '../queue/expire';
import { publish } from './publish';

/** Tests and operators may sweep more often (ANTREAN_DAY_END_SWEEP_MS); never less often than 30 s. */
export function sweepInterval(): number {
	const ms = Number(process.env.ANTREAN_DAY_END_SWEEP_MS);
	return Number.isFinite(ms) && ms >= 100 && ms <= 30_000 ? ms : 30_000;
}

const slot = Symbol.for('antrean.day-end.sweep');
type Slots = typeof globalThis & { [slot]?: ReturnType<typeof setInterval> };

/** One sweep now and then one per interval; starting again (dev HMR) replaces the timer. */
export function startDayEndSweep(intervalMs = sweepInterval()): void {
	const slots = globalThis as Slots;
	clearInterval(slots[slot]);
	let busy = false;
	const sweep = () => {
		if (busy) return;
		busy = true;
		// getSql() throws without DATABASE_URL; inside the promise that is logged, never thrown at init
		Promise.resolve()
			.then(() => expireEndedDays(getSql()))
			.then((outcomes) => outcomes.forEach(publish))
			.catch((error: unknown) => console.error('day-end sweep failed', error))
			.finally(() => (busy = false));
	};
	sweep();
	const timer = setInterval(sweep, intervalMs);
	// the sweep alone must not keep a process (a CLI, a test) alive
	timer.unref();
	slots[slot] = timer;
}
