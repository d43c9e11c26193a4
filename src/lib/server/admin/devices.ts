// Devices (issue 6 "Devices"): an unpaired TV, kiosk or feedback tablet shows a short code; the MPP's
// admin types it in with a name; the device then receives its token on its next check. A revoked
// device loses its sockets at once and shows that it was revoked. The admin may rename a device; a
// display's service filter is part of its address (?services=…), not a stored setting, so it is set
// where the TV's address is typed, not here.
import { z } from 'zod';
import type { DeviceKind } from '../../domain/types';
import type { Actor } from '../auth/actor';
import { generateToken, hashToken } from '../auth/tokens';
import type { Db, Sql } from '../db/client';
import {
	countOpenPairings,
	deleteOpenPairingBySecretHash,
	deletePairing,
	deleteStalePairings,
	findPairingBySecretHash,
	insertPairing,
	listDeviceRows,
	lockDeviceRow,
	lockOpenPairing,
	lockPairingCounts,
	markPairingClaimed,
	renameDeviceRow,
	revokeDeviceRow,
	setDeviceTokenHash,
	type DeviceListRow
} from '../db/device-pairings';
import { insertDevice } from '../db/devices';
import { notFound, TooManyRequests } from '../errors';
import { clientKey } from '../throttle/client-key';
import { requireMppAdmin } from './access';
import { audit } from './audit';
import { fieldError, parseInput, problemMessage, text } from './input';
import { save, type Saved } from './live';

/** Long enough to walk to the office and type it, short enough that a photo of it goes stale. */
export const PAIRING_MINUTES = 15;
// no I, O, 0 or 1: read off a TV across a room, they are mistaken for each other
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface PairingRequest {
	code: string;
	/** kept by the device in a cookie; proves it is the one that asked */
	secret: string;
	expiresAt: Date;
}

/**
 * Open codes one client may hold (in all MPPs): enough to set up a lobby's TVs, kiosks and tablets
 * from behind the MPP's one NAT address in a quarter of an hour.
 */
export const OPEN_PAIRINGS_PER_CLIENT = 10;
/** Open codes per MPP, so clients from many addresses cannot grow the table without end either. */
export const OPEN_PAIRINGS_PER_MPP = 100;

/** The page is anonymous, so every code is a row anyone can make: refused beyond the caps above. */
export class TooManyPairings extends TooManyRequests {
	constructor() {
		super(
			PAIRING_MINUTES * 60,
			'too_many_pairings',
			`Terlalu banyak kode pemasangan yang masih terbuka. Pasangkan atau tunggu kode yang ada (berlaku ${PAIRING_MINUTES} menit), lalu coba lagi ` +
				`(too many open pairing codes: pair or let the open ones expire after ${PAIRING_MINUTES} minutes, then try again).`
		);
	}
}

/**
 * A device of this MPP and kind asks to be paired: a fresh code (no sign-in: it has none). A device
 * asking again gives up its own earlier code (`previousSecret`), so "new code" never fills a cap.
 */
export async function requestPairing(
	sql: Sql,
	mppId: string,
	kind: DeviceKind,
	client: { address: string; previousSecret?: string }
): Promise<PairingRequest> {
	const secret = generateToken();
	const expiresAt = new Date(Date.now() + PAIRING_MINUTES * 60_000);
	const key = clientKey(client.address);
	return sql.begin(async (tx) => {
		await deleteStalePairings(tx, mppId);
		if (client.previousSecret && client.previousSecret.length <= 256)
			await deleteOpenPairingBySecretHash(tx, hashToken(client.previousSecret));
		await lockPairingCounts(tx, mppId, key);
		const open = await countOpenPairings(tx, mppId, key);
		if (open.mpp >= OPEN_PAIRINGS_PER_MPP || open.client >= OPEN_PAIRINGS_PER_CLIENT)
			throw new TooManyPairings();
		for (let attempt = 0; ; attempt++) {
			const code = randomCode();
			try {
				await tx.savepoint((sp) =>
					insertPairing(sp, { mppId, kind, code, secretHash: hashToken(secret), expiresAt, clientKey: key })
				);
				return { code, secret, expiresAt };
			} catch (error) {
				// an open request of this MPP already shows this code: draw again
				if (attempt >= 5) throw error;
			}
		}
	}) as Promise<PairingRequest>;
}

export type PairingCheck =
	| { status: 'waiting'; code: string; expiresAt: Date }
	| { status: 'paired'; token: string; deviceId: string }
	| { status: 'expired' };

/** The device's check: once the admin has claimed its code, its token (given once). */
export async function checkPairing(sql: Sql, secret: string): Promise<PairingCheck> {
	if (secret.length > 256) return { status: 'expired' };
	return sql.begin(async (tx) => {
		const pairing = await findPairingBySecretHash(tx, hashToken(secret));
		if (!pairing) return { status: 'expired' as const };
		if (pairing.deviceId) {
			const token = generateToken();
			await setDeviceTokenHash(tx, pairing.deviceId, hashToken(token));
			await deletePairing(tx, pairing.id);
			return { status: 'paired' as const, token, deviceId: pairing.deviceId };
		}
		if (pairing.expiresAt < new Date()) return { status: 'expired' as const };
		return { status: 'waiting' as const, code: pairing.code, expiresAt: pairing.expiresAt };
	}) as Promise<PairingCheck>;
}

const claimSchema = z.object({
	code: z
		.string({ error: problemMessage('admin.invalid.required') })
		.transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
		.pipe(z.string().regex(/^[A-Z2-9]{6}$/, problemMessage('admin.invalid.pairingCode'))),
	name: text(100)
});

export async function listDevicesForAdmin(sql: Sql, actor: Actor, mppId: string): Promise<DeviceListRow[]> {
	requireMppAdmin(actor, mppId);
	return listDeviceRows(sql, mppId);
}

export async function claimPairing(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<{ id: string; kind: DeviceKind; name: string }>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(claimSchema, input);
	return save(sql, async ({ tx }) => {
		const pairing = await lockOpenPairing(tx, mppId, data.code);
		if (!pairing) throw fieldError('code', 'admin.invalid.pairingCode');
		// the real token is made when the device checks in; until then nobody holds this one
		const device = await insertDevice(tx, {
			mppId,
			kind: pairing.kind,
			name: data.name,
			tokenHash: hashToken(generateToken())
		});
		await markPairingClaimed(tx, pairing.id, device.id);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'device',
			entityId: device.id,
			entityName: device.name,
			action: 'paired',
			changes: { kind: [null, device.kind], name: [null, device.name] }
		});
		return { id: device.id, kind: device.kind, name: device.name };
	});
}

async function lockOwnDevice(tx: Db, mppId: string, deviceId: string) {
	const device = z.uuid().safeParse(deviceId).success ? await lockDeviceRow(tx, deviceId) : undefined;
	if (!device || device.mppId !== mppId) throw notFound('Perangkat tidak ditemukan.', 'device_not_found');
	return device;
}

/** A new name, so the list says which TV is which ("TV Lobi Utara"); recorded like any change. */
export async function renameDevice(
	sql: Sql,
	actor: Actor,
	mppId: string,
	deviceId: string,
	input: unknown
): Promise<Saved<{ id: string; name: string }>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(z.object({ name: text(100) }), input);
	return save(sql, async ({ tx }) => {
		const device = await lockOwnDevice(tx, mppId, deviceId);
		// a revoked device is a record of the past: its name stays what it was called then
		if (device.revokedAt) throw fieldError('name', 'admin.invalid.deviceRevoked');
		if (device.name !== data.name) {
			await renameDeviceRow(tx, deviceId, data.name);
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'device',
				entityId: deviceId,
				entityName: data.name,
				action: 'updated',
				changes: { name: [device.name, data.name] }
			});
		}
		return { id: deviceId, name: data.name };
	});
}

export async function revokeDevice(
	sql: Sql,
	actor: Actor,
	mppId: string,
	deviceId: string
): Promise<Saved<boolean>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx, disconnectDevice }) => {
		const device = await lockOwnDevice(tx, mppId, deviceId);
		if (device.revokedAt) return false;
		await revokeDeviceRow(tx, deviceId);
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'device',
			entityId: deviceId,
			entityName: device.name,
			action: 'revoked',
			changes: {}
		});
		disconnectDevice(deviceId);
		return true;
	});
}
