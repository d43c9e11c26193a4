// Tenants (the agencies of an MPP: Disdukcapil, Polri, BPJS …), kept by the MPP's admin.
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	insertTenantRow,
	listServiceRows,
	listTenantRows,
	lockTenantRow,
	updateTenantRow,
	type TenantRow
} from '../db/catalogue-edits';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { tenantSchema } from './catalogue-schemas';
import { fieldError, parseInput } from './input';
import { save, type Saved } from './live';

export async function createTenant(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<TenantRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(tenantSchema, input);
	return save(sql, async ({ tx, configured }) => {
		const existing = (await listTenantRows(tx, mppId)).find((t) => t.code === data.code);
		if (existing) throw fieldError('code', 'admin.invalid.codeTaken', { name: existing.name });
		const tenant = await insertTenantRow(tx, { mppId, ...data });
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'tenant',
			entityId: tenant.id,
			entityName: tenant.name,
			action: 'created',
			changes: diff(undefined, tenant, ['code', 'name'])
		});
		configured(mppId);
		return tenant;
	});
}

export async function updateTenant(
	sql: Sql,
	actor: Actor,
	mppId: string,
	tenantId: string,
	input: unknown
): Promise<Saved<TenantRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(tenantSchema, input);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockTenantRow(tx, tenantId);
		if (!before || before.mppId !== mppId) throw notFound('Instansi tidak ditemukan.', 'tenant_not_found');
		const clash = (await listTenantRows(tx, mppId)).find((t) => t.code === data.code && t.id !== tenantId);
		if (clash) throw fieldError('code', 'admin.invalid.codeTaken', { name: clash.name });
		const after = await updateTenantRow(tx, tenantId, data);
		const changes = diff(before, after, ['code', 'name']);
		if (Object.keys(changes).length) {
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'tenant',
				entityId: tenantId,
				entityName: after.name,
				action: 'updated',
				changes
			});
			// TVs group waiting counts under the tenant's name
			configured(mppId);
		}
		return after;
	});
}

/** A tenant with active services keeps serving: deactivate its services first. */
export async function setTenantActive(
	sql: Sql,
	actor: Actor,
	mppId: string,
	tenantId: string,
	active: boolean
): Promise<Saved<TenantRow>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx, configured }) => {
		const before = await lockTenantRow(tx, tenantId);
		if (!before || before.mppId !== mppId) throw notFound('Instansi tidak ditemukan.', 'tenant_not_found');
		if (before.active === active) return before;
		if (!active) {
			const services = (await listServiceRows(tx, mppId)).filter((s) => s.tenantId === tenantId && s.active);
			if (services.length) {
				throw fieldError('active', 'admin.invalid.tenantHasServices', {
					services: services.map((s) => s.name).join(', ')
				});
			}
		}
		const after = await updateTenantRow(tx, tenantId, { active });
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'tenant',
			entityId: tenantId,
			entityName: after.name,
			action: active ? 'activated' : 'deactivated',
			changes: { active: [before.active, active] }
		});
		configured(mppId);
		return after;
	});
}
