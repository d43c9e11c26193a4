import { error, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { getSql } from '$lib/server/db/client';
import { findMppById, listMpps } from '$lib/server/db/mpps';
import type { PageServerLoad } from './$types';

/** /manage: a manager goes straight to their own MPP; the superadmin chooses one. */
export const load: PageServerLoad = async ({ locals }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous') redirect(303, `/login?${new URLSearchParams({ redirectTo: '/manage' })}`);
	const user = actor.kind === 'user' ? actor.user : null;
	const sql = getSql();
	if (user?.role === 'superadmin') {
		const mpps = await listMpps(sql);
		return { mpps: mpps.map(({ slug, name, city, province }) => ({ slug, name, city, province })) };
	}
	if ((user?.role === 'mpp_admin' || user?.role === 'supervisor') && user.mppId) {
		const mpp = await findMppById(sql, user.mppId);
		if (mpp?.active) redirect(303, `/manage/${mpp.slug}`);
	}
	error(403, { code: 'forbidden', message: t(locale, 'manage.error.forbidden') });
};
