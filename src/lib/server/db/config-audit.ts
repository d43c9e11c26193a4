// The append-only log of configuration changes (issue 6 "Audit"), and the one read that merges it
// with ticket_events for an MPP's searchable audit view.
import type { Db } from './client';

export type AuditEntity =
	'mpp' | 'tenant' | 'service' | 'counter' | 'closed_day' | 'device' | 'user' | 'edge_node';
export type AuditAction =
	'created' | 'updated' | 'deactivated' | 'activated' | 'deleted' | 'paired' | 'revoked' | 'invited';
/** field → [before, after]; a creation has `null` before */
export type AuditChanges = Record<string, [unknown, unknown]>;

export interface NewAuditRecord {
	id: string;
	mppId: string | null;
	userId: string | null;
	entity: AuditEntity;
	entityId: string;
	entityName: string;
	action: AuditAction;
	changes: AuditChanges;
	at?: Date;
}

export async function insertAuditRecord(db: Db, r: NewAuditRecord): Promise<void> {
	await db`
		INSERT INTO config_audit (id, mpp_id, at, user_id, entity, entity_id, entity_name, action, changes)
		VALUES (${r.id}, ${r.mppId}, ${r.at ?? new Date()}, ${r.userId}, ${r.entity}, ${r.entityId}, ${r.entityName},
			${r.action}, ${db.json(r.changes as never)})`;
}

export interface AuditRow {
	id: string;
	source: 'config' | 'ticket';
	at: Date;
	/** a person's name, a device's name, or null (the public, a kiosk before pairing) */
	actorName: string | null;
	actorEmail: string | null;
	actorKind: 'user' | 'device' | null;
	/** config: the entity kind; ticket: 'ticket' */
	entity: string;
	entityName: string;
	/** config: created/updated/…; ticket: issued/called/… */
	action: string;
	changes: Record<string, unknown>;
	counterName: string | null;
}

export interface AuditQuery {
	mppId: string;
	/** matched against who, what and the ticket number, case-insensitively */
	text: string | null;
	source: 'config' | 'ticket' | null;
	from: Date;
	to: Date;
	limit: number;
}

/** Newest first. Both tables are read by (mpp_id, at) through their indexes. */
export async function searchAudit(db: Db, q: AuditQuery): Promise<AuditRow[]> {
	const like = q.text ? `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
	return db<AuditRow[]>`
		SELECT * FROM (
			SELECT a.id::text, 'config' AS source, a.at, u.name AS "actorName", u.email AS "actorEmail",
				CASE WHEN u.id IS NULL THEN NULL ELSE 'user' END AS "actorKind",
				a.entity, a.entity_name AS "entityName", a.action, a.changes, NULL::text AS "counterName"
			FROM config_audit a LEFT JOIN users u ON u.id = a.user_id
			WHERE a.mpp_id = ${q.mppId} AND a.at >= ${q.from} AND a.at < ${q.to}
				AND ${q.source !== 'ticket'}
				AND (${like}::text IS NULL OR a.entity_name ILIKE ${like} OR u.name ILIKE ${like}
					OR u.email ILIKE ${like} OR a.changes::text ILIKE ${like})
			UNION ALL
			SELECT e.id::text, 'ticket', e.at, coalesce(u.name, d.name), u.email,
				CASE WHEN u.id IS NOT NULL THEN 'user' WHEN d.id IS NOT NULL THEN 'device' END,
				'ticket', t.number, e.type, e.data, c.name
			FROM ticket_events e
			JOIN tickets t ON t.id = e.ticket_id
			LEFT JOIN users u ON u.id = e.user_id
			LEFT JOIN devices d ON d.id = e.device_id
			LEFT JOIN counters c ON c.id = e.counter_id
			WHERE e.mpp_id = ${q.mppId} AND e.at >= ${q.from} AND e.at < ${q.to}
				AND ${q.source !== 'config'}
				AND (${like}::text IS NULL OR t.number ILIKE ${like} OR u.name ILIKE ${like}
					OR u.email ILIKE ${like} OR d.name ILIKE ${like} OR c.name ILIKE ${like})
		) log
		ORDER BY at DESC, id DESC
		LIMIT ${q.limit}`;
}
