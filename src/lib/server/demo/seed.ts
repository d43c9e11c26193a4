// Seeds the demo world into an empty database: three MPPs with their agencies, services, open
// counters and logins. Thin over the data modules; the content comes from profile.ts via plan.ts.
import { hashPassword } from '../auth/password';
import type { Sql, Tx } from '../db/client';
import { assignOperator, insertCounter } from '../db/counters';
import { countMpps, insertMpp, setMppRegionCode } from '../db/mpps';
import { insertReadiness } from '../db/readiness';
import type { ReadinessIndicator } from '../../domain/readiness';
import { insertService } from '../db/services';
import { insertTenant } from '../db/tenants';
import { insertUser } from '../db/users';
import { demoLogins, planCounters } from './plan';
import { DEMO_PASSWORD, demoMpps, type DemoMpp } from './profile';

export interface SeedResult {
	/** false when the database already had an MPP, so nothing was touched */
	seeded: boolean;
}

/** Seeds the demo MPPs and logins when the database has no MPP yet; otherwise does nothing. */
export async function seedDemo(sql: Sql, mpps: DemoMpp[] = demoMpps): Promise<SeedResult> {
	// Hash once: argon2id is deliberately slow and every demo login shares the one password.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return sql.begin(async (tx) => {
		if ((await countMpps(tx)) > 0) return { seeded: false };
		const mppIds = new Map<string, string>();
		const counterIds = new Map<string, string>();
		for (const mpp of mpps) {
			const { id } = await seedMpp(tx, mpp, counterIds);
			mppIds.set(mpp.slug, id);
		}
		for (const login of demoLogins(mpps)) {
			const user = await insertUser(tx, {
				email: login.email,
				name: login.name,
				passwordHash,
				role: login.role,
				mppId: login.mppSlug ? mppIds.get(login.mppSlug)! : null
			});
			for (const counter of login.counters) {
				await assignOperator(tx, counterIds.get(`${login.mppSlug}/${counter}`)!, user.id);
			}
		}
		return { seeded: true };
	});
}

export async function seedMpp(
	tx: Tx,
	mpp: DemoMpp,
	counterIds: Map<string, string>
): Promise<{ id: string }> {
	const row = await insertMpp(tx, {
		slug: mpp.slug,
		name: mpp.name,
		province: mpp.province,
		city: mpp.city,
		timezone: mpp.timezone,
		openingHours: mpp.openingHours,
		runningText: mpp.runningText
	});
	await setMppRegionCode(tx, row.id, mpp.regionCode);
	await insertReadiness(
		tx,
		Object.entries(mpp.readiness ?? {}).map(([indicator, value]) => ({
			mppId: row.id,
			indicator: indicator as ReadinessIndicator,
			value,
			userId: null
		}))
	);
	const tenantIds = new Map<string, string>();
	const serviceIds = new Map<string, string>();
	for (const tenant of mpp.tenants) {
		const { id: tenantId } = await insertTenant(tx, { mppId: row.id, code: tenant.code, name: tenant.name });
		tenantIds.set(tenant.code, tenantId);
		for (const service of tenant.services) {
			const { id } = await insertService(tx, {
				mppId: row.id,
				tenantId,
				code: service.code,
				prefix: service.prefix,
				name: service.name,
				targetWaitMinutes: service.targetWaitMinutes,
				expectedServiceMinutes: service.expectedServiceMinutes,
				dailyQuota: service.dailyQuota ?? null,
				priorityReserveShare: service.priorityReserveShare,
				// DOMAIN profile: ticket_cutoff_min_before_close 60
				cutoffMinutes: 60,
				standardCode: service.standard
			});
			serviceIds.set(service.code, id);
		}
	}
	for (const counter of planCounters(mpp)) {
		const { id } = await insertCounter(tx, {
			mppId: row.id,
			tenantId: tenantIds.get(counter.tenantCode),
			name: counter.name,
			serviceIds: counter.serviceCodes.map((code) => serviceIds.get(code)!),
			// open, so a demo visitor can take a ticket and call it at once
			status: 'open'
		});
		counterIds.set(`${mpp.slug}/${counter.name}`, id);
	}
	return row;
}
