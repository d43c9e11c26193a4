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

export interface NationalAuditRow {
	at: Date;
	userId: string | null;
	userName: string | null;
	entity: NationalEntity;
	entityId: string;
	changes: Record<string, [unknown, unknown]>;
}

/** The newest changes first, of one kind of record or all. */
export async function listNationalAudit(
	db: Db,
	filter: { entity?: NationalEntity; entityIdPrefix?: string; limit: number }
): Promise<NationalAuditRow[]> {
	return db<NationalAuditRow[]>`
		SELECT a.at, a.user_id AS "userId", u.name AS "userName", a.entity, a.entity_id AS "entityId", a.changes
		FROM national_audit a LEFT JOIN users u ON u.id = a.user_id
		WHERE (${filter.entity ?? null}::text IS NULL OR a.entity = ${filter.entity ?? null})
			AND (${filter.entityIdPrefix ?? null}::text IS NULL
				OR starts_with(a.entity_id, ${filter.entityIdPrefix ?? null}::text))
		ORDER BY a.at DESC LIMIT ${filter.limit}`;
}
