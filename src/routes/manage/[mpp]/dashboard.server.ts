// Who may open an MPP's dashboard, checked once in the layout for every tab: that MPP's mpp_admin and
// supervisors, and superadmin (issue 4), and the ministry for every MPP, read-only and aggregates only
// (issue 5: the ranking "links to that MPP's dashboard in read-only form"). The rule is the stats API's
// (requireStatsAccess), so the pages and the JSON they refetch can never disagree.
import { error } from '@sveltejs/kit';
import { zoneLabel } from '$lib/domain/local-day';
import { t, type Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';
import type { Db } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import { requireMppBySlug } from '$lib/server/mpps';
import { requireStatsAccess } from '$lib/server/stats/access';

export interface DashboardMpp {
	id: string;
	slug: string;
	name: string;
	timezone: string;
	/** WIB / WITA / WIT */
	zone: string;
	/** the ministry's view: aggregates only (the figures room, never the staff room), nothing to act on */
	readOnly: boolean;
}

/** The MPP of the URL when this person may read its dashboard; a translated 403/404 otherwise. */
export async function openDashboard(
	db: Db,
	actor: Actor,
	slug: string,
	locale: Locale
): Promise<DashboardMpp> {
	try {
		const mpp = await requireMppBySlug(db, slug);
		const { aggregatesOnly } = requireStatsAccess(actor, mpp.id);
		return {
			id: mpp.id,
			slug: mpp.slug,
			name: mpp.name,
			timezone: mpp.timezone,
			zone: zoneLabel(mpp.timezone),
			readOnly: aggregatesOnly
		};
	} catch (e) {
		if (!isAppError(e)) throw e;
		const message = t(locale, e.status === 404 ? 'manage.error.notFound' : 'manage.error.forbidden');
		error(e.status, { code: e.code, message });
	}
}
