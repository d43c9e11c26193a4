import type { Actor } from './auth/actor';

/** Who the ticket_events log records for an action: a person, a device, or nobody (the public). */
export function queueActorOf(actor: Actor): { userId: string | null; deviceId: string | null } {
	if (actor.kind === 'user') return { userId: actor.user.id, deviceId: null };
	if (actor.kind === 'device') return { userId: null, deviceId: actor.device.id };
	return { userId: null, deviceId: null };
}
