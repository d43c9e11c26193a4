import { zoneLabel } from '$lib/domain/local-day';
import { openMppForAdmin } from '$lib/server/admin/mpps';
import { getSql } from '$lib/server/db/client';
import { orPageError } from '../page-error.server';
import type { LayoutServerLoad } from './$types';

/** Every tab of /admin/[mpp] relies on this one check: the superadmin, or this MPP's own admin. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	const mpp = await orPageError(locals.locale, () => openMppForAdmin(getSql(), locals.actor, params.mpp));
	const isSuperadmin = locals.actor.kind === 'user' && locals.actor.user.role === 'superadmin';
	return { mpp: { ...mpp, zone: zoneLabel(mpp.timezone) }, isSuperadmin };
};
