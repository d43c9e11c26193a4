import { error, redirect } from '@sveltejs/kit';
import { zoneLabel } from '$lib/domain/local-day';
import { t } from '$lib/i18n';
import { listMppsForAdmin } from '$lib/server/admin/mpps';
import { getSql } from '$lib/server/db/client';
import { findMppById } from '$lib/server/db/mpps';
import type { PageServerLoad } from './$types';

/** /admin: the superadmin sees every MPP; an MPP's admin goes straight to their own. */
export const load: PageServerLoad = async ({ locals }) => {
	const { actor, locale } = locals;
	const sql = getSql();
	if (actor.kind === 'user' && actor.user.role === 'mpp_admin' && actor.user.mppId) {
		const mpp = await findMppById(sql, actor.user.mppId);
		if (mpp?.active) redirect(303, `/admin/${mpp.slug}`);
	}
	if (actor.kind !== 'user' || actor.user.role !== 'superadmin') {
		error(403, { code: 'forbidden', message: t(locale, 'admin.error.forbidden') });
	}
	const mpps = await listMppsForAdmin(sql, actor);
	return {
		mpps: mpps.map((m) => ({
			slug: m.slug,
			name: m.name,
			city: m.city,
			province: m.province,
			zone: zoneLabel(m.timezone),
			active: m.active
		}))
	};
};
