// Which calls a TV announces. Live `ticket:called` / `ticket:recalled` events are each announced,
// once. Calls missed while the TV was offline arrive only in the resync snapshot: they are shown,
// but only the newest is announced, and only while it is fresh — reading out a stack of old calls
// after an outage would send people to counters that have moved on.
import type { CallView } from '../realtime/events';
import { callKey } from './board';

/** A missed call older than this is shown but not spoken. */
export const MISSED_CALL_MAX_AGE_MS = 2 * 60_000;
// enough for a whole day's calls of a large MPP; the oldest keys are forgotten first
const MAX_REMEMBERED = 2000;

export class CallTracker {
	#seen = new Set<string>();
	readonly #accepts: (serviceId: string) => boolean;

	/** `initial`: the calls already on screen at first paint, which are never announced. */
	constructor(initial: CallView[], accepts: (serviceId: string) => boolean) {
		this.#accepts = accepts;
		for (const call of initial) this.#remember(call);
	}

	/** A live call or recall event: true when it should be announced now. */
	live(call: CallView): boolean {
		if (this.#seen.has(callKey(call))) return false;
		this.#remember(call);
		return this.#accepts(call.serviceId);
	}

	/**
	 * A snapshot (after a reconnect or a gap): the call to announce among those not seen before,
	 * that is the newest of them if it is recent, else none.
	 */
	resynced(calls: CallView[], now: Date, maxAgeMs = MISSED_CALL_MAX_AGE_MS): CallView | null {
		const missed = calls.filter((call) => !this.#seen.has(callKey(call)));
		for (const call of missed) this.#remember(call);
		const newest = missed
			.filter((call) => this.#accepts(call.serviceId))
			.sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt))[0];
		if (!newest) return null;
		const age = now.getTime() - Date.parse(newest.calledAt);
		return age <= maxAgeMs ? newest : null;
	}

	#remember(call: CallView) {
		this.#seen.add(callKey(call));
		if (this.#seen.size > MAX_REMEMBERED) this.#seen.delete(this.#seen.values().next().value!);
	}
}
