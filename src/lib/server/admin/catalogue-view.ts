// What the admin pages list for one MPP: its agencies, services and counters, inactive ones included.
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	listCounterRows,
	listServiceRows,
	listTenantRows,
	type CounterRow,
	type ServiceRow,
	type TenantRow
} from '../db/catalogue-edits';
import { listStandardChoices, type StandardChoice } from '../db/standard-services';
import { requireMppAdmin } from './access';

export interface Catalogue {
	tenants: TenantRow[];
	services: ServiceRow[];
	counters: CounterRow[];
	/** the national catalogue the services map to (issue 14) */
	standards: StandardChoice[];
}

export async function readCatalogue(sql: Sql, actor: Actor, mppId: string): Promise<Catalogue> {
	requireMppAdmin(actor, mppId);
	const [tenants, services, counters, standards] = await Promise.all([
		listTenantRows(sql, mppId),
		listServiceRows(sql, mppId),
		listCounterRows(sql, mppId),
		listStandardChoices(sql)
	]);
	return { tenants, services, counters, standards };
}
