// Who reads an MPP's statistics (issue 4, DESIGN "Roles"): its mpp_admin and supervisors, the
// superadmin, and the ministry (every MPP, aggregates only). Not its operators: they run their own
// counter, and colleagues' performance is for the people who manage them. Never another MPP's staff.
import type { Actor } from '../auth/actor';
import { requireMppAccess, requireSignedIn } from '../access';

export function requireStatsAccess(actor: Actor, mppId: string): { aggregatesOnly: boolean } {
	requireSignedIn(actor);
	if (actor.kind === 'user' && actor.user.role === 'ministry') return { aggregatesOnly: true };
	requireMppAccess(actor, mppId, { roles: ['mpp_admin', 'supervisor'] });
	return { aggregatesOnly: false };
}
