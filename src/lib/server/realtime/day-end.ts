// Runs the day-end sweep (queue/expire.ts) at startup and every 30 s, so the open tickets of an MPP's
// ended local day are expired at the latest a minute after its midnight. The expiring transactions
// send their events on the bus, so everyone following the MPP (TV, staff, the citizen's phone) hears
// it on whichever node they are. One node per beat sweeps (bus/beat.ts); the sweep itself would be
// safe to run concurrently anyway (SKIP LOCKED).
import { startBeat } from '../bus/beat';
import { getSql } from '../db/client';
import { purgeStoredMessages } from '../db/bus';
import { expireEndedDays } from '../queue/expire';

/** Tests and operators may sweep more often (ANTREAN_DAY_END_SWEEP_MS); never less often than 30 s. */
export function sweepInterval(): number {
	const ms = Number(process.env.ANTREAN_DAY_END_SWEEP_MS);
	return Number.isFinite(ms) && ms >= 100 && ms <= 30_000 ? ms : 30_000;
}

/** One sweep now (every node, at its start) and then one per beat of the cluster. */
export function startDayEndSweep(intervalMs = sweepInterval()): void {
	Promise.resolve()
		.then(() => expireEndedDays(getSql()))
		.catch((error: unknown) => console.error('day-end sweep failed', error));
	startBeat({
		name: 'day-end-sweep',
		everyMs: intervalMs,
		run: async () => void (await expireEndedDays(getSql()))
	});
	// messages too large for a NOTIFY are read within seconds; an hour later nobody needs them
	startBeat({
		name: 'bus-purge',
		everyMs: 10 * 60_000,
		run: async () => void (await purgeStoredMessages(getSql()))
	});
}
