// The national service catalogue (issue 14): the ministry lists, adds, edits and deactivates
// standard services. A standard service is never deleted: MPP services map to it.
import type { Actor } from '../auth/actor';
import type { Sql } from '../db/client';
import {
	insertStandardService,
	listStandardServices,
	lockStandardService,
	updateStandardService,
	type StandardService,
	type StandardServiceListed
} from '../db/standard-services';
import { notFound } from '../errors';
import { fieldError, parseInput } from '../admin/input';
import { save, type Saved } from '../admin/live';
import { insertNationalAudit } from '../db/national-audit';
import type { Db } from '../db/client';
import { requireCatalogueEditor } from './access';
import { standardCode, standardServiceEditSchema, standardServiceSchema } from './schemas';

export async function readStandardServices(sql: Sql, actor: Actor): Promise<StandardServiceListed[]> {
	requireCatalogueEditor(actor);
	return listStandardServices(sql);
}

export async function createStandardService(
	sql: Sql,
	actor: Actor,
	input: unknown
): Promise<Saved<StandardService>> {
	const user = requireCatalogueEditor(actor);
	const data = parseInput(standardServiceSchema, input);
	return save(sql, async ({ tx }) => {
		const row = await insertStandardService(tx, { ...data, active: true });
		if (!row) throw fieldError('code', 'admin.invalid.codeTaken', { name: data.code });
		await auditStandardService(tx, user.id, null, row);
		return row;
	});
}

export async function updateStandardServiceFields(
	sql: Sql,
	actor: Actor,
	code: unknown,
	input: unknown
): Promise<Saved<StandardService>> {
	const user = requireCatalogueEditor(actor);
	const key = parseCode(code);
	const data = parseInput(standardServiceEditSchema, input);
	return save(sql, async ({ tx }) => {
		const before = await lockStandardService(tx, key);
		if (!before) throw unknownStandard();
		const after = await updateStandardService(tx, key, data);
		await auditStandardService(tx, user.id, before, after);
		return after;
	});
}

/** Deactivating keeps existing mappings (and their history) but offers it to no new mapping. */
export async function setStandardServiceActive(
	sql: Sql,
	actor: Actor,
	code: unknown,
	active: boolean
): Promise<Saved<StandardService>> {
	const user = requireCatalogueEditor(actor);
	const key = parseCode(code);
	return save(sql, async ({ tx }) => {
		const before = await lockStandardService(tx, key);
		if (!before) throw unknownStandard();
		const after = await updateStandardService(tx, key, { active });
		await auditStandardService(tx, user.id, before, after);
		return after;
	});
}

function parseCode(code: unknown): string {
	const parsed = standardCode.safeParse(code);
	if (!parsed.success) throw unknownStandard();
	return parsed.data;
}

const unknownStandard = () => notFound('Layanan standar tidak ditemukan.', 'standard_service_not_found');

const auditedFields = ['name', 'agency', 'mou', 'active'] as const;

/** Keeps a catalogue change in the national audit: every field of a new row, the changed ones of an
 * edited row, nothing when nothing changed. The CSV import calls it for each line it applies. */
export async function auditStandardService(
	db: Db,
	userId: string,
	before: StandardService | null,
	after: StandardService
): Promise<void> {
	const changes: Record<string, [unknown, unknown]> = {};
	for (const field of auditedFields)
		if (before?.[field] !== after[field]) changes[field] = [before ? before[field] : null, after[field]];
	if (Object.keys(changes).length === 0) return;
	await insertNationalAudit(db, { userId, entity: 'standard_service', entityId: after.code, changes });
}
