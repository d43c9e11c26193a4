// Pairing requests of unpaired devices and the device rows the admin pages list and revoke.
import type { DeviceKind } from '$lib/domain/types';
import type { Db } from './client';

export interface PairingRow {
	id: string;
	mppId: string;
	kind: DeviceKind;
	code: string;
	deviceId: string | null;
	expiresAt: Date;
}

const pairingColumns = (db: Db) => db`
	id, mpp_id AS "mppId", kind, code, device_id AS "deviceId", expires_at AS "expiresAt"`;

export async function deleteStalePairings(db: Db, mppId: string): Promise<void> {
	await db`DELETE FROM device_pairings WHERE mpp_id = ${mppId} AND expires_at < now()`;
}

export async function insertPairing(
	db: Db,
	p: { mppId: string; kind: DeviceKind; code: string; secretHash: string; expiresAt: Date; clientKey: string }
): Promise<PairingRow> {
	const [row] = await db<PairingRow[]>`
		INSERT INTO device_pairings (mpp_id, kind, code, secret_hash, expires_at, client_key)
		VALUES (${p.mppId}, ${p.kind}, ${p.code}, ${p.secretHash}, ${p.expiresAt}, ${p.clientKey})
		RETURNING ${pairingColumns(db)}`;
	return row;
}

/** Serialises the open-code count of an MPP, then of a client, until the transaction ends. */
export async function lockPairingCounts(db: Db, mppId: string, clientKey: string): Promise<void> {
	await db`SELECT pg_advisory_xact_lock(hashtextextended(${`pairing:mpp:${mppId}`}, 0))`;
	await db`SELECT pg_advisory_xact_lock(hashtextextended(${`pairing:client:${clientKey}`}, 0))`;
}

/** Unclaimed, unexpired pairing requests of an MPP, and of one client in every MPP. */
export async function countOpenPairings(
	db: Db,
	mppId: string,
	clientKey: string
): Promise<{ mpp: number; client: number }> {
	const [row] = await db<{ mpp: number; client: number }[]>`
		SELECT count(*) FILTER (WHERE mpp_id = ${mppId})::int AS mpp,
			count(*) FILTER (WHERE client_key = ${clientKey})::int AS client
		FROM device_pairings
		WHERE device_id IS NULL AND expires_at > now() AND (mpp_id = ${mppId} OR client_key = ${clientKey})`;
	return row;
}

/** A device asking for a fresh code gives up its old one. */
export async function deleteOpenPairingBySecretHash(db: Db, secretHash: string): Promise<void> {
	await db`DELETE FROM device_pairings WHERE secret_hash = ${secretHash} AND device_id IS NULL`;
}

export async function findPairingBySecretHash(db: Db, secretHash: string): Promise<PairingRow | undefined> {
	const [row] = await db<PairingRow[]>`
		SELECT ${pairingColumns(db)} FROM device_pairings WHERE secret_hash = ${secretHash}`;
	return row;
}

/** The open, unexpired request with this code in the MPP, locked for its claim. */
export async function lockOpenPairing(db: Db, mppId: string, code: string): Promise<PairingRow | undefined> {
	const [row] = await db<PairingRow[]>`
		SELECT ${pairingColumns(db)} FROM device_pairings
		WHERE mpp_id = ${mppId} AND code = ${code} AND device_id IS NULL AND expires_at > now()
		FOR UPDATE`;
	return row;
}

export async function markPairingClaimed(db: Db, id: string, deviceId: string): Promise<void> {
	await db`UPDATE device_pairings SET device_id = ${deviceId} WHERE id = ${id}`;
}

export async function deletePairing(db: Db, id: string): Promise<void> {
	await db`DELETE FROM device_pairings WHERE id = ${id}`;
}

export async function setDeviceTokenHash(db: Db, deviceId: string, tokenHash: string): Promise<void> {
	await db`UPDATE devices SET token_hash = ${tokenHash}, last_seen_at = now() WHERE id = ${deviceId}`;
}

export interface DeviceListRow {
	id: string;
	kind: DeviceKind;
	name: string;
	lastSeenAt: Date | null;
	revokedAt: Date | null;
	createdAt: Date;
}

export async function listDeviceRows(db: Db, mppId: string): Promise<DeviceListRow[]> {
	return db<DeviceListRow[]>`
		SELECT id, kind, name, last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt", created_at AS "createdAt"
		FROM devices WHERE mpp_id = ${mppId}
		ORDER BY revoked_at IS NOT NULL, kind, name`;
}

export async function lockDeviceRow(
	db: Db,
	id: string
): Promise<(DeviceListRow & { mppId: string }) | undefined> {
	const [row] = await db<(DeviceListRow & { mppId: string })[]>`
		SELECT id, mpp_id AS "mppId", kind, name, last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt",
			created_at AS "createdAt"
		FROM devices WHERE id = ${id} FOR UPDATE`;
	return row;
}

export async function revokeDeviceRow(db: Db, id: string): Promise<void> {
	await db`UPDATE devices SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL`;
}

export async function renameDeviceRow(db: Db, id: string, name: string): Promise<void> {
	await db`UPDATE devices SET name = ${name} WHERE id = ${id}`;
}
