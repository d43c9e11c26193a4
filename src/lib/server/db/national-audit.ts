// Changes the ministry makes to national records (coverage, targets, the service catalogue, readiness),
// kept like config_audit keeps an MPP's (migrations 0028, 0029).
import type { Db } from './client';

export type NationalEntity = 'region_status' | 'coverage_target' | 'standard_service' | 'readiness';

export async function insertNationalAudit(
	db: Db,
	a: {
		userId: string;
		entity: NationalEntity;
		entityId: string;
		changes: Record<string, [unknown, unknown]>;
	}
): Promise<void> {
	await db`
		INSERT INTO national_audit (user_id, entity, entity_id, changes)
		VALUES (${a.userId}, ${a.entity}, ${a.entityId}, ${db.json(a.changes as never)})`;
}
