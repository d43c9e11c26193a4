// Edge nodes as the centre knows them (issue 13): one row per token an admin created for an MPP.
import type { Db } from './client';

export interface EdgeNodeRow {
	id: string;
	mppId: string;
	name: string;
	createdAt: Date;
	revokedAt: Date | null;
	lastSeenAt: Date | null;
	lastBatchAt: Date | null;
	dataThrough: Date | null;
	clockSkewMs: number | null;
}

const columns = (db: Db) => db`
	id, mpp_id AS "mppId", name, created_at AS "createdAt", revoked_at AS "revokedAt",
	last_seen_at AS "lastSeenAt", last_batch_at AS "lastBatchAt", data_through AS "dataThrough",
	clock_skew_ms AS "clockSkewMs"`;

export async function insertEdgeNode(
	db: Db,
	e: { mppId: string; name: string; tokenHash: string; createdBy: string }
): Promise<EdgeNodeRow> {
	const [row] = await db<EdgeNodeRow[]>`
		INSERT INTO edge_nodes (mpp_id, name, token_hash, created_by)
		VALUES (${e.mppId}, ${e.name}, ${e.tokenHash}, ${e.createdBy})
		RETURNING ${columns(db)}`;
	return row;
}

export async function listEdgeNodes(db: Db, mppId: string): Promise<EdgeNodeRow[]> {
	return db<EdgeNodeRow[]>`SELECT ${columns(db)} FROM edge_nodes WHERE mpp_id = ${mppId} ORDER BY created_at`;
}

export async function lockEdgeNode(db: Db, id: string): Promise<EdgeNodeRow | undefined> {
	const [row] = await db<EdgeNodeRow[]>`SELECT ${columns(db)} FROM edge_nodes WHERE id = ${id} FOR UPDATE`;
	return row;
}

export async function revokeEdgeNodeRow(db: Db, id: string): Promise<void> {
	await db`UPDATE edge_nodes SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`;
}

export async function findActiveEdgeNodeByTokenHash(
	db: Db,
	tokenHash: string
): Promise<EdgeNodeRow | undefined> {
	const [row] = await db<EdgeNodeRow[]>`
		SELECT ${columns(db)} FROM edge_nodes WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`;
	return row;
}

/** Contact from the edge: when, and how far its clock is from ours (edge minus centre). */
export async function touchEdgeNode(db: Db, id: string, clockSkewMs: number | null): Promise<void> {
	await db`
		UPDATE edge_nodes SET last_seen_at = now(), clock_skew_ms = coalesce(${clockSkewMs}, clock_skew_ms)
		WHERE id = ${id}`;
}

export async function findMppSlug(db: Db, mppId: string): Promise<string> {
	const [row] = await db<{ slug: string }[]>`SELECT slug FROM mpps WHERE id = ${mppId}`;
	return row.slug;
}

/** The configuration version the edge confirmed it holds. */
export async function recordEdgeConfigVersion(db: Db, id: string, version: string): Promise<void> {
	await db`UPDATE edge_nodes SET config_version = ${version} WHERE id = ${id} AND config_version IS DISTINCT FROM ${version}`;
}

export interface EdgeLinkRow {
	mppId: string;
	mppName: string;
	timezone: string;
	name: string;
	lastSeenAt: Date | null;
	dataThrough: Date | null;
	createdAt: Date;
}

/** The active edges of the given MPPs (every MPP when `mppId` is null), for "offline since". */
export async function listEdgeLinks(db: Db, mppId: string | null): Promise<EdgeLinkRow[]> {
	return db<EdgeLinkRow[]>`
		SELECT e.mpp_id AS "mppId", m.name AS "mppName", m.timezone, e.name, e.last_seen_at AS "lastSeenAt",
			e.data_through AS "dataThrough", e.created_at AS "createdAt"
		FROM edge_nodes e JOIN mpps m ON m.id = e.mpp_id
		WHERE e.revoked_at IS NULL AND (${mppId}::uuid IS NULL OR e.mpp_id = ${mppId})
		ORDER BY m.name, e.name`;
}

/** Whether an edge serves the MPP (an active token): then only that edge writes the MPP's tickets. */
export async function mppHasActiveEdge(db: Db, mppId: string): Promise<boolean> {
	const [row] = await db`SELECT 1 FROM edge_nodes WHERE mpp_id = ${mppId} AND revoked_at IS NULL LIMIT 1`;
	return row !== undefined;
}
