// Who books: a citizen (limited per client) or the MPP's own staff booking for a resident.
import type { Actor } from '../auth/actor';
import { canAccessMpp, mppStaffRoles } from '../access';
import { clientKey } from '../throttle/client-key';

/** The client key a booking is counted under, and whether staff of this MPP made it. */
export function bookingClient(
	actor: Actor,
	mppId: string,
	address: string
): { clientKey: string; byStaff: boolean } {
	if (actor.kind === 'user' && canAccessMpp(actor, mppId, { roles: mppStaffRoles })) {
		return { clientKey: `staff:${actor.user.id}`, byStaff: true };
	}
	return { clientKey: clientKey(address), byStaff: false };
}
