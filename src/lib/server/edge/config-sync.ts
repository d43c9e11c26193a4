// Configuration from the centre to an edge (issue 13). The centre answers with the MPP's whole
// configuration and its version (a hash of it); the edge asks with the version it holds, so an
// unchanged configuration is one small answer, and applying the same version twice changes nothing.
// A whole MPP's configuration is small (tens of services and counters, hundreds of people), so
// versioned snapshots are simpler and as resumable as a change log: an interrupted pull is just
// asked again.
import { createHash } from 'node:crypto';
import type { Db, Sql } from '../db/client';
import {
	applyConfigSnapshot,
	readConfigSnapshot,
	readEdgeConfigState,
	writeEdgeConfigState
} from '../db/edge-config';
import { recordEdgeConfigVersion } from '../db/edge-nodes';
import { bookingSigningKey } from '../booking/signed-qr';
import type { ConfigSnapshot } from './config-tables';

export interface ConfigAnswer {
	mppId: string;
	version: string;
	snapshot?: ConfigSnapshot;
}

/** At the centre: the MPP's configuration for its edge, or only its version when the edge has it. */
export async function configForEdge(
	db: Db,
	edge: { id: string; mppId: string },
	since: string | undefined
): Promise<ConfigAnswer> {
	// the key booking QR codes are signed with exists before its public half is sent
	await bookingSigningKey(db);
	const snapshot = await readConfigSnapshot(db, edge.mppId);
	const version = createHash('sha256').update(JSON.stringify(snapshot)).digest('base64url').slice(0, 32);
	if (since === version) await recordEdgeConfigVersion(db, edge.id, version);
	return since === version ? { mppId: edge.mppId, version } : { mppId: edge.mppId, version, snapshot };
}

/** At the edge: the version it holds (undefined before the first pull). */
export async function heldConfigVersion(sql: Sql): Promise<string | undefined> {
	return (await readEdgeConfigState(sql))?.version;
}

/** At the edge: applies a configuration from the centre in one transaction. */
export async function applyConfig(sql: Sql, answer: ConfigAnswer): Promise<boolean> {
	if (!answer.snapshot) return false;
	const snapshot = answer.snapshot;
	await sql.begin(async (tx) => {
		await applyConfigSnapshot(tx, answer.mppId, snapshot);
		await writeEdgeConfigState(tx, answer.mppId, answer.version);
	});
	return true;
}
