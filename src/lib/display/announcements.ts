// Which calls a TV announces. Live `ticket:called` / `ticket:recalled` events are each announced,
// once. Calls missed while the TV was offline (a node died, a link dropped) arrive only in the resync
// snapshot: they are all shown, and those less than a minute old are announced, oldest first, once
// each (DESIGN "Realtime protocol"). Older ones are not read out: after a long outage a stack of old
// calls would send people to counters that have moved on.
import type { CallView } from '../realtime/events';
import { callKey } from './board';

/** A missed call older than this is shown but not spoken. */
export const MISSED_CALL_MAX_AGE_MS = 60_000;
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
	 * A snapshot (after a reconnect or a gap): the calls to announce among those not seen before, the
	 * recent ones, oldest first.
	 */
	resynced(calls: CallView[], now: Date, maxAgeMs = MISSED_CALL_MAX_AGE_MS): CallView[] {
		const missed = calls.filter((call) => !this.#seen.has(callKey(call)));
		for (const call of missed) this.#remember(call);
		return missed
			.filter((call) => this.#accepts(call.serviceId))
			.filter((call) => now.getTime() - Date.parse(call.calledAt) <= maxAgeMs)
			.sort((a, b) => Date.parse(a.calledAt) - Date.parse(b.calledAt));
	}

	#remember(call: CallView) {
		this.#seen.add(callKey(call));
		if (this.#seen.size > MAX_REMEMBERED) this.#seen.delete(this.#seen.values().next().value!);
	}
}
