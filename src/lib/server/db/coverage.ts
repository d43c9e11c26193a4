// What the ministry records of the regencies and cities, its yearly targets and the changes to both
// (issue 14, migration 0028).
import type { RecordedStatus } from '../../domain/coverage';
import type { Db } from './client';

export interface RegionStatusRow {
	code: string;
	status: RecordedStatus;
	inauguratedOn: string | null;
}

export async function listRegionStatuses(db: Db): Promise<RegionStatusRow[]> {
	return db<RegionStatusRow[]>`
		SELECT code, status, inaugurated_on::text AS "inauguratedOn" FROM region_statuses`;
}

export async function findRegionStatus(db: Db, code: string): Promise<RegionStatusRow | undefined> {
	const [row] = await db<RegionStatusRow[]>`
		SELECT code, status, inaugurated_on::text AS "inauguratedOn" FROM region_statuses WHERE code = ${code} FOR UPDATE`;
	return row;
}

export async function upsertRegionStatus(db: Db, row: RegionStatusRow, userId: string): Promise<void> {
	await db`
		INSERT INTO region_statuses (code, status, inaugurated_on, updated_by)
		VALUES (${row.code}, ${row.status}, ${row.inauguratedOn}, ${userId})
		ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status, inaugurated_on = EXCLUDED.inaugurated_on,
			updated_at = now(), updated_by = EXCLUDED.updated_by`;
}

/** Regency codes of active MPPs on Antrean, with their slugs. */
export async function listOperatingRegions(db: Db): Promise<{ code: string; slugs: string[] }[]> {
	return db<{ code: string; slugs: string[] }[]>`
		SELECT region_code AS code, array_agg(slug ORDER BY slug) AS slugs FROM mpps
		WHERE active AND region_code IS NOT NULL GROUP BY region_code`;
}

export async function findTarget(db: Db, year: number): Promise<number | null> {
	const [row] = await db<
		{ regencies: number }[]
	>`SELECT regencies FROM coverage_targets WHERE year = ${year}`;
	return row?.regencies ?? null;
}

export async function listTargets(db: Db): Promise<{ year: number; regencies: number }[]> {
	return db<
		{ year: number; regencies: number }[]
	>`SELECT year, regencies FROM coverage_targets ORDER BY year`;
}

export async function upsertTarget(
	db: Db,
	year: number,
	regencies: number,
	userId: string
): Promise<number | null> {
	const [before] = await db<
		{ regencies: number }[]
	>`SELECT regencies FROM coverage_targets WHERE year = ${year} FOR UPDATE`;
	await db`
		INSERT INTO coverage_targets (year, regencies, updated_by) VALUES (${year}, ${regencies}, ${userId})
		ON CONFLICT (year) DO UPDATE SET regencies = EXCLUDED.regencies, updated_at = now(),
			updated_by = EXCLUDED.updated_by`;
	return before?.regencies ?? null;
}
