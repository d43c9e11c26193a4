// Which services' waiting citizens should refetch their position or estimate after an Outcome. The
// ticket room only hears changes of that ticket; its position moves when OTHER tickets are called.
// One payload-free hint per touched service (the Outcome's `waiting` keys); the phone refetches its
// own ticket, throttled, so nothing about other citizens travels.
import type { Emit } from './fanout';
import type { Outcome, QueueChange } from '../queue/outcome';
import { rooms } from './rooms';

// Issued: a newcomer is never ahead of anyone already waiting (priority counts only earlier priority
// tickets). Recalled and started: the waiting queue and the service times are unchanged.
const quiet = new Set<QueueChange['type']>(['ticket:issued', 'ticket:recalled', 'ticket:started']);

export function serviceHints(outcome: Outcome): Emit[] {
	if (quiet.has(outcome.change.type)) return [];
	return Object.keys(outcome.waiting).map((serviceId) => ({
		rooms: [rooms.service(serviceId)],
		event: 'service:moved' as const,
		payload: { mppId: outcome.mppId, serviceId }
	}));
}
