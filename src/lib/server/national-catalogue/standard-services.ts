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
	requireCatalogueEditor(actor);
	const data = parseInput(standardServiceSchema, input);
	return save(sql, async ({ tx }) => {
		const row = await insertStandardService(tx, { ...data, active: true });
		if (!row) throw fieldError('code', 'admin.invalid.codeTaken', { name: data.code });
		return row;
	});
}

export async function updateStandardServiceFields(
	sql: Sql,
	actor: Actor,
	code: unknown,
	input: unknown
): Promise<Saved<StandardService>> {
	requireCatalogueEditor(actor);
	const key = parseCode(code);
	const data = parseInput(standardServiceEditSchema, input);
	return save(sql, async ({ tx }) => {
		if (!(await lockStandardService(tx, key))) throw unknownStandard();
		return updateStandardService(tx, key, data);
	});
}

/** Deactivating keeps existing mappings (and their history) but offers it to no new mapping. */
export async function setStandardServiceActive(
	sql: Sql,
	actor: Actor,
	code: unknown,
	active: boolean
): Promise<Saved<StandardService>> {
	requireCatalogueEditor(actor);
	const key = parseCode(code);
	return save(sql, async ({ tx }) => {
		if (!(await lockStandardService(tx, key))) throw unknownStandard();
		return updateStandardService(tx, key, { active });
	});
}

function parseCode(code: unknown): string {
	const parsed = standardCode.safeParse(code);
	if (!parsed.success) throw unknownStandard();
	return parsed.data;
}

const unknownStandard = () => notFound('Layanan standar tidak ditemukan.', 'standard_service_not_found');
