// Which services' waiting citizens have a new place or estimate after an Outcome. The ticket room
// hears changes of its own ticket; its place moves when OTHER tickets of its service move, so these
// services get their places recomputed and pushed to each phone (positions.ts).
import type { Outcome, QueueChange } from '../queue/outcome';

// Issued: a newcomer is never ahead of anyone already waiting (priority counts only earlier priority
// tickets). Recalled and started: the waiting queue and the service times are unchanged.
const quiet = new Set<QueueChange['type']>(['ticket:issued', 'ticket:recalled', 'ticket:started']);

/** The Outcome's touched services (its `waiting` keys), unless nobody already waiting moved. */
export function movedServices(outcome: Outcome): string[] {
	return quiet.has(outcome.change.type) ? [] : Object.keys(outcome.waiting);
}
