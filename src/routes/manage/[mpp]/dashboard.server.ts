// Who may open an MPP's dashboard, checked once in the layout for every tab (issue 4: "only that MPP's
// mpp_admin and supervisors, and superadmin"). The ministry is refused here on purpose: the Live tab
// names tickets and the staff room refuses it; its read-only national view is issue 5's /ministry.
import { error } from '@sveltejs/kit';
import { zoneLabel } from '$lib/domain/local-day';
import type { Role } from '$lib/domain/types';
import { t, type Locale } from '$lib/i18n';
import { requireMppAccess } from '$lib/server/access';
import type { Actor } from '$lib/server/auth/actor';
import type { Db } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import { requireMppBySlug } from '$lib/server/mpps';

export interface DashboardMpp {
	id: string;
	slug: string;
	name: string;
	timezone: string;
	/** WIB / WITA / WIT */
	zone: string;
}

export const dashboardRoles: Role[] = ['mpp_admin', 'supervisor'];

/** The MPP of the URL when this person may read its dashboard; a translated 403/404 otherwise. */
export async function openDashboard(
	db: Db,
	actor: Actor,
	slug: string,
	locale: Locale
): Promise<DashboardMpp> {
	try {
		const mpp = await requireMppBySlug(db, slug);
		requireMppAccess(actor, mpp.id, { roles: dashboardRoles });
		return {
			id: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			timezone: mpp.timezone,
			zone: zoneLabel(mpp.timezone)
		};
	} catch (e) {
		if (!isAppError(e)) throw e;
		const message = t(locale, e.status === 404 ? 'manage.error.notFound' : 'manage.error.forbidden');
		error(e.status, { code: e.code, message });
	}
}
