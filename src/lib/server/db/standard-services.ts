// The national service catalogue's rows (issue 14): one query per function, no rules here.
import type { Db } from './client';

export interface StandardService {
	code: string;
	name: string;
	agency: string;
	mou: boolean;
	active: boolean;
}

export interface StandardServiceListed extends StandardService {
	/** active MPPs with at least one active service mapped to it */
	mppsMapped: number;
}

export type StandardServiceFields = Omit<StandardService, 'code'>;

const columns = (db: Db) => db`code, name, agency, mou, active`;

export async function listStandardServices(db: Db): Promise<StandardServiceListed[]> {
	return db<StandardServiceListed[]>`
		SELECT s.code, s.name, s.agency, s.mou, s.active,
			(SELECT count(DISTINCT m.id)::int FROM services v JOIN mpps m ON m.id = v.mpp_id
				WHERE v.standard_code = s.code AND v.active AND m.active) AS "mppsMapped"
		FROM standard_services s ORDER BY s.agency, s.name`;
}

export async function findStandardService(db: Db, code: string): Promise<StandardService | null> {
	const [row] = await db<StandardService[]>`
		SELECT ${columns(db)} FROM standard_services WHERE code = ${code}`;
	return row ?? null;
}

export async function lockStandardService(db: Db, code: string): Promise<StandardService | null> {
	const [row] = await db<StandardService[]>`
		SELECT ${columns(db)} FROM standard_services WHERE code = ${code} FOR UPDATE`;
	return row ?? null;
}

/** Null when the code is taken (by a row another transaction committed first). */
export async function insertStandardService(db: Db, row: StandardService): Promise<StandardService | null> {
	const [inserted] = await db<StandardService[]>`
		INSERT INTO standard_services (code, name, agency, mou, active)
		VALUES (${row.code}, ${row.name}, ${row.agency}, ${row.mou}, ${row.active})
		ON CONFLICT (code) DO NOTHING
		RETURNING ${columns(db)}`;
	return inserted ?? null;
}

export async function updateStandardService(
	db: Db,
	code: string,
	fields: Partial<StandardServiceFields>
): Promise<StandardService> {
	const [row] = await db<StandardService[]>`
		UPDATE standard_services SET
			name = coalesce(${fields.name ?? null}, name),
			agency = coalesce(${fields.agency ?? null}, agency),
			mou = coalesce(${fields.mou ?? null}::boolean, mou),
			active = coalesce(${fields.active ?? null}::boolean, active),
			updated_at = now()
		WHERE code = ${code}
		RETURNING ${columns(db)}`;
	return row;
}

export type StandardChoice = Omit<StandardService, 'mou'>;

/** What an MPP admin chooses from when mapping a service: every row, inactive ones marked. */
export async function listStandardChoices(db: Db): Promise<StandardChoice[]> {
	return db<StandardChoice[]>`
		SELECT code, name, agency, active FROM standard_services ORDER BY agency, name`;
}

export interface MppLacking {
	slug: string;
	name: string;
	province: string;
	city: string;
}

/** Active MPPs where no active service is mapped to the standard service (issue 14 "coverage"). */
export async function listMppsLacking(db: Db, code: string): Promise<MppLacking[]> {
	return db<MppLacking[]>`
		SELECT m.slug, m.name, m.province, m.city FROM mpps m
		WHERE m.active AND NOT EXISTS (
			SELECT 1 FROM services s WHERE s.mpp_id = m.id AND s.active AND s.standard_code = ${code})
		ORDER BY m.province, m.name`;
}

export interface MppMapping {
	slug: string;
	name: string;
	province: string;
	city: string;
	/** standard codes with at least one active service mapped */
	present: string[];
}

/** Every active MPP with the standard services it offers (the coverage matrix): one index-only pass
 * over services, however many MPPs. */
export async function listMppMappings(db: Db): Promise<MppMapping[]> {
	return db<MppMapping[]>`
		SELECT m.slug, m.name, m.province, m.city,
			coalesce((SELECT array_agg(DISTINCT s.standard_code ORDER BY s.standard_code) FROM services s
				WHERE s.mpp_id = m.id AND s.active AND s.standard_code IS NOT NULL), '{}') AS present
		FROM mpps m WHERE m.active ORDER BY m.province, m.name`;
}
