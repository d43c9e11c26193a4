// A TV or kiosk is paired once by opening its pairing link (…/display/<mpp>?device=<token>): the
// page checks the token and keeps it in a long-lived HttpOnly cookie, so the device survives reboots
// and the token leaves the address bar. Issue 6 adds pairing by short code from the admin pages.
import type { DeviceKind } from '../../domain/types';
import type { PairedDevice } from '../auth/actor';
import { hashToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { findActiveDeviceByTokenHash, touchDevice } from '../db/devices';
import { forbidden } from '../errors';

/** The device a pairing token belongs to, when it is an active device of this kind and MPP. */
export async function claimDeviceToken(
	db: Db,
	token: string,
	expected: { mppId: string; kind: DeviceKind }
): Promise<PairedDevice> {
	const row = token.length <= 256 ? await findActiveDeviceByTokenHash(db, hashToken(token)) : undefined;
	if (!row || row.mppId !== expected.mppId || row.kind !== expected.kind) {
		throw forbidden('Tautan pemasangan tidak berlaku untuk layar ini (invalid pairing link).');
	}
	await touchDevice(db, row.id);
	return { id: row.id, mppId: row.mppId, kind: row.kind, name: row.name };
}
