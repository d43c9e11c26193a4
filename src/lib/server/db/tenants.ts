import type { Db } from './client';

export interface Tenant {
	id: string;
	mppId: string;
	code: string;
	name: string;
	active: boolean;
}

export async function insertTenant(
	db: Db,
	t: { mppId: string; code: string; name: string }
): Promise<Tenant> {
	const [row] = await db<Tenant[]>`
		INSERT INTO tenants (mpp_id, code, name) VALUES (${t.mppId}, ${t.code}, ${t.name})
		RETURNING id, mpp_id AS "mppId", code, name, active`;
	return row;
}

export async function listTenants(db: Db, mppId: string): Promise<Tenant[]> {
	return db<Tenant[]>`
		SELECT id, mpp_id AS "mppId", code, name, active FROM tenants WHERE mpp_id = ${mppId} ORDER BY name`;
}
