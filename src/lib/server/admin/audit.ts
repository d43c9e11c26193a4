// Recording who changed what (issue 6 "Audit"): one row per save, with only the fields that changed.
import type { Tx } from '../db/client';
import { insertAuditRecord, type AuditAction, type AuditChanges, type AuditEntity } from '../db/config-audit';
import { uuidv7 } from '../ids';

export interface AuditInput {
	/** null for national people, who belong to no MPP */
	mppId: string | null;
	userId: string;
	entity: AuditEntity;
	entityId: string;
	entityName: string;
	action: AuditAction;
	changes: AuditChanges;
}

export async function audit(tx: Tx, input: AuditInput): Promise<void> {
	await insertAuditRecord(tx, { id: uuidv7(), ...input });
}

/** The fields whose values differ, as [before, after]; `before` undefined means a creation. */
export function diff<T extends object>(
	before: Partial<T> | undefined,
	after: T,
	fields: (keyof T)[]
): AuditChanges {
	const changes: AuditChanges = {};
	for (const field of fields) {
		const old = before?.[field] ?? null;
		const now = after[field] ?? null;
		if (JSON.stringify(old) !== JSON.stringify(now)) changes[String(field)] = [old, now];
	}
	return changes;
}
