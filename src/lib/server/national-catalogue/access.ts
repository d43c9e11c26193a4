// Who keeps the national catalogue (issue 14): the ministry and the superadmin. MPP admins only map
// their own services to it (see admin/services.ts).
import { requireUser } from '../access';
import type { Actor, SessionUser } from '../auth/actor';

export function requireCatalogueEditor(actor: Actor): SessionUser {
	return requireUser(actor, ['ministry']);
}
