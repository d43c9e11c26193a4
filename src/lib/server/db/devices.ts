import type { DeviceKind } from '$lib/domain/types';
import type { Db } from './client';

export interface DeviceRow {
	id: string;
	mppId: string;
	kind: DeviceKind;
	name: string;
	lastSeenAt: Date | null;
	revokedAt: Date | null;
}

const columns = (db: Db) => db`
	id, mpp_id AS "mppId", kind, name, last_seen_at AS "lastSeenAt", revoked_at AS "revokedAt"`;

export async function insertDevice(
	db: Db,
	d: { mppId: string; kind: DeviceKind; name: string; tokenHash: string; settings?: Record<string, string> }
): Promise<DeviceRow> {
	const [row] = await db<DeviceRow[]>`
		INSERT INTO devices (mpp_id, kind, name, token_hash, settings)
		VALUES (${d.mppId}, ${d.kind}, ${d.name}, ${d.tokenHash}, ${db.json(d.settings ?? {})})
		RETURNING ${columns(db)}`;
	return row;
}

export async function findActiveDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | undefined> {
	const [row] = await db<DeviceRow[]>`
		SELECT ${columns(db)} FROM devices WHERE token_hash = ${tokenHash} AND revoked_at IS NULL`;
	return row;
}

/** True when the token was a device's that an admin has since revoked (not merely unknown). */
export async function isRevokedDeviceTokenHash(db: Db, tokenHash: string): Promise<boolean> {
	const [row] = await db`SELECT 1 FROM devices WHERE token_hash = ${tokenHash} AND revoked_at IS NOT NULL`;
	return Boolean(row);
}

/** Records contact at most once a minute, so a busy TV does not write on every request. */
export async function touchDevice(db: Db, id: string): Promise<void> {
	await db`
		UPDATE devices SET last_seen_at = now()
		WHERE id = ${id} AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`;
}

export async function listDevices(db: Db, mppId: string): Promise<DeviceRow[]> {
	return db<DeviceRow[]>`SELECT ${columns(db)} FROM devices WHERE mpp_id = ${mppId} ORDER BY name`;
}
