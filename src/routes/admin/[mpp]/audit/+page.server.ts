import { readAuditLog } from '$lib/server/admin/audit-log';
import { readCatalogue } from '$lib/server/admin/catalogue-view';
import { getSql } from '$lib/server/db/client';
import { queryRecord } from '$lib/server/safe-keys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { mpp } = await parent();
	const log = await readAuditLog(getSql(), locals.actor, mpp.id, queryRecord(url.searchParams));
	const { tenants, services, counters } = await readCatalogue(getSql(), locals.actor, mpp.id);
	// ids in the recorded changes are shown as the names of what they stand for
	const names: Record<string, string> = {};
	for (const t of tenants) names[t.id] = t.name;
	for (const s of services) names[s.id] = `${s.prefix} ${s.name}`;
	for (const c of counters) names[c.id] = c.name;
	return {
		names,
		search: log.search,
		limited: log.limited,
		rows: log.rows.map((r) => ({ ...r, at: r.at.toISOString() }))
	};
};
