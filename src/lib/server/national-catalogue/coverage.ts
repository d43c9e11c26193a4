// Which active MPPs lack a standard service (issue 14: "Which MPPs lack the Imigrasi passport
// service?"), for the ministry's page and its CSV.
import { formatCsv } from '../../csv';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import {
	findStandardService,
	listMppsLacking,
	type MppLacking,
	type StandardService
} from '../db/standard-services';
import { notFound } from '../errors';
import { requireCatalogueEditor } from './access';
import { standardCode } from './schemas';

/** The standard service named in an address, or a readable 404 (a crafted code is just unknown). */
export async function standardServiceOf(db: Db, actor: Actor, code: unknown): Promise<StandardService> {
	requireCatalogueEditor(actor);
	const parsed = standardCode.safeParse(code);
	const found = parsed.success ? await findStandardService(db, parsed.data) : null;
	if (!found) throw notFound('Layanan standar tidak ditemukan.', 'standard_service_not_found');
	return found;
}

export async function mppsLacking(
	db: Db,
	actor: Actor,
	code: unknown
): Promise<{ standard: StandardService; mpps: MppLacking[] }> {
	const standard = await standardServiceOf(db, actor, code);
	return { standard, mpps: await listMppsLacking(db, standard.code) };
}

export function mppsLackingCsv(standard: StandardService, mpps: MppLacking[]): string {
	return formatCsv([
		['standard_code', 'standard_name', 'agency', 'mpp', 'mpp_name', 'province', 'city'],
		...mpps.map((m) => [standard.code, standard.name, standard.agency, m.slug, m.name, m.province, m.city])
	]);
}
