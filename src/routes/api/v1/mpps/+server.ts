import { requireUser, visibleMppIds } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { listMpps } from '$lib/server/db/mpps';
import { apiHandler, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** MPPs visible to the caller: every MPP for superadmin and ministry, their own for MPP staff. */
export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	const user = requireUser(locals.actor, ['ministry', 'mpp_admin', 'supervisor', 'operator']);
	const visible = visibleMppIds(user);
	const mpps = (await listMpps(getSql())).filter((m) => visible === 'all' || visible.includes(m.id));
	return json({
		mpps: mpps.map((m) => ({
			id: m.id,
			slug: m.slug,
			name: m.name,
			timezone: m.timezone,
			province: m.province,
			city: m.city
		}))
	});
});
