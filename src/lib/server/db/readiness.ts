// An MPP's readiness indicators as the ministry records them (issue 14, migration 0029): one row per
// recorded value; the newest of each indicator is the current one.
import type { ReadinessIndicator } from '../../domain/readiness';
import type { Db } from './client';

export interface ReadinessMpp {
	id: string;
	slug: string;
	name: string;
	province: string;
	city: string;
	/** active agencies (tenants) configured on Antrean: a hint beside the recorded count */
	tenantsOnAntrean: number;
	/** the newest stored value of each indicator ever recorded */
	current: Partial<Record<ReadinessIndicator, string>>;
}

/** Every active MPP (or one, by slug) with its current indicators. */
export async function listReadiness(db: Db, slug: string | null = null): Promise<ReadinessMpp[]> {
	return db<ReadinessMpp[]>`
		SELECT m.id, m.slug, m.name, m.province, m.city,
			(SELECT count(*)::int FROM tenants t WHERE t.mpp_id = m.id AND t.active) AS "tenantsOnAntrean",
			coalesce((SELECT jsonb_object_agg(c.indicator, c.value) FROM (
				SELECT DISTINCT ON (r.indicator) r.indicator, r.value FROM mpp_readiness r
				WHERE r.mpp_id = m.id ORDER BY r.indicator, r.recorded_at DESC, r.id DESC) c), '{}') AS current
		FROM mpps m
		WHERE m.active AND (${slug}::text IS NULL OR m.slug = ${slug})
		ORDER BY m.province, m.name`;
}

export interface ReadinessRecord {
	indicator: ReadinessIndicator;
	value: string;
	recordedAt: Date;
	recordedBy: string | null;
}

/** Every value recorded for an MPP, newest first. */
export async function listReadinessHistory(db: Db, mppId: string): Promise<ReadinessRecord[]> {
	return db<ReadinessRecord[]>`
		SELECT r.indicator, r.value, r.recorded_at AS "recordedAt", u.name AS "recordedBy"
		FROM mpp_readiness r LEFT JOIN users u ON u.id = r.recorded_by
		WHERE r.mpp_id = ${mppId} ORDER BY r.recorded_at DESC, r.id DESC LIMIT 500`;
}

/** Locks the MPP's row so two editors' saves are ordered and each sees the other's "before". */
export async function lockReadinessMpp(db: Db, slug: string): Promise<{ id: string } | undefined> {
	const [row] = await db<{ id: string }[]>`SELECT id FROM mpps WHERE slug = ${slug} AND active FOR UPDATE`;
	return row;
}

export async function insertReadiness(
	db: Db,
	rows: { mppId: string; indicator: ReadinessIndicator; value: string; userId: string | null }[]
): Promise<void> {
	if (!rows.length) return;
	await db`
		INSERT INTO mpp_readiness (mpp_id, indicator, value, recorded_by)
		SELECT * FROM unnest(${rows.map((r) => r.mppId)}::uuid[], ${rows.map((r) => r.indicator)}::text[],
			${rows.map((r) => r.value)}::text[], ${rows.map((r) => r.userId)}::uuid[])`;
}

/** The current SP4N-LAPOR! address of an MPP, when the ministry recorded one. */
export async function findComplaintChannel(db: Db, mppId: string): Promise<string | null> {
	const [row] = await db<{ value: string }[]>`
		SELECT value FROM mpp_readiness WHERE mpp_id = ${mppId} AND indicator = 'complaint_channel'
		ORDER BY recorded_at DESC, id DESC LIMIT 1`;
	return row?.value ?? null;
}
