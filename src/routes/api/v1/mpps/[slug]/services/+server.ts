import { mppStaffRoles, requireMppAccess } from '$lib/server/access';
import { getSql } from '$lib/server/db/client';
import { listServicesWithWaiting } from '$lib/server/db/services';
import { apiHandler, json } from '$lib/server/http';
import { requireMppBySlug } from '$lib/server/mpps';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const sql = getSql();
	const mpp = await requireMppBySlug(sql, params.slug);
	requireMppAccess(locals.actor, mpp.id, { roles: mppStaffRoles, devices: ['kiosk'] });
	const services = await listServicesWithWaiting(sql, mpp.id);
	return json({
		services: services.map((s) => ({
			id: s.id,
			code: s.code,
			prefix: s.prefix,
			name: s.name,
			tenantId: s.tenantId,
			tenantName: s.tenantName,
			targetWaitMinutes: s.targetWaitMinutes,
			dailyQuota: s.dailyQuota,
			waiting: s.waiting
		}))
	});
});
