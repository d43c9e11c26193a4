// Who may administer what (issue 6 "Rules"): MPPs are created, renamed and deactivated by the
// superadmin; an MPP's own configuration by its mpp_admin (or the superadmin). Nobody else, and an
// mpp_admin of one MPP never sees or changes another's.
import { requireMppAccess, requireUser } from '../access';
import type { Actor, SessionUser } from '../auth/actor';

export function requireSuperadmin(actor: Actor): SessionUser {
	return requireUser(actor, []);
}

export function requireMppAdmin(actor: Actor, mppId: string): SessionUser {
	const user = requireUser(actor, ['mpp_admin']);
	requireMppAccess(actor, mppId, { roles: ['mpp_admin'] });
	return user;
}
