// The decisions of a virtual operator and the citizens at their counter. Pure: randomness and time
// come from the caller; the runner turns each decision into one queue-engine call.
import { priorityShare, sampleServiceSeconds, type Random } from '../../domain/traffic-profile';
import { priorityGroups, type PriorityGroup } from '../../domain/types';

/** Simulated seconds between calls of an absent citizen (the history generator uses the same). */
export const secondsBetweenCalls = 60;

/**
 * A counter the simulator may drive. A human's hand wins: a counter someone paused or closed, whose
 * status someone changed since the simulator started, or where a signed-in person acted on a ticket
 * lately is left alone until that has been quiet for the given minutes.
 */
export interface CounterActivity {
	status: 'open' | 'paused' | 'closed';
	statusChangedAt: Date;
	/** the latest ticket event at this counter by a signed-in user, if recent */
	humanActedAt: Date | null;
}

export function isSimulated(counter: CounterActivity, since: Date, simulatorStartedAt: Date): boolean {
	if (counter.status !== 'open') return false;
	if (counter.humanActedAt && counter.humanActedAt >= since) return false;
	// the simulator never changes a counter's status, so a change after it started was a person
	return !(counter.statusChangedAt > simulatorStartedAt && counter.statusChangedAt >= since);
}

/** Whether the citizen whose number was just called turns up (DOMAIN: walk-in no-show 8%). */
export function citizenPresent(random: Random, noShowRate: number): boolean {
	return random() >= noShowRate;
}

/** After a call nobody answered: call again until the MPP's call limit, then mark no-show. */
export function afterUnansweredCall(callCount: number, callLimit: number): 'recall' | 'no_show' {
	return callCount < callLimit ? 'recall' : 'no_show';
}

/** Seconds a present citizen needs to walk up to the counter after the call. */
export function walkUpSeconds(random: Random): number {
	return 30 + Math.floor(random() * 60);
}

/** Seconds an operator spends between finishing one citizen and calling the next. */
export function wrapUpSeconds(random: Random): number {
	return 10 + Math.floor(random() * 30);
}

/** Service time in simulated seconds by the service's tenant category (DOMAIN lognormal). */
export function serviceSeconds(random: Random, category: string): number {
	return sampleServiceSeconds(random, category);
}

/** DOMAIN priority_share 6%: a lansia, disabilitas, ibu hamil, anak or korban bencana ticket. */
export function priorityGroupOf(random: Random): PriorityGroup | null {
	if (random() >= priorityShare) return null;
	return priorityGroups[Math.floor(random() * priorityGroups.length)];
}
