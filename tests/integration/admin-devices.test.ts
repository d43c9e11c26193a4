// Pairing a device by a short code and revoking it (issue 6 "Devices"), through the admin services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/types';
import { readAuditLog } from '../../src/lib/server/admin/audit-log';
import {
	checkPairing,
	claimPairing,
	listDevicesForAdmin,
	requestPairing,
	revokeDevice
} from '../../src/lib/server/admin/devices';
import { FieldError } from '../../src/lib/server/admin/input';
import type { Actor } from '../../src/lib/server/auth/actor';
import { resolveActor } from '../../src/lib/server/auth/resolve';
import { AppError } from '../../src/lib/server/errors';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
let mks: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	[jkt, mks] = world.mpps;
});
afterAll(async () => {
	await db?.drop();
});

const person = (id: string, role: Role, mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const admin = (mpp: MppFixture) => person(mpp.users.mpp_admin.id, 'mpp_admin', mpp.id);
const deviceOf = (token: string) =>
	resolveActor(db.sql, { sessionToken: null, authorization: null, deviceToken: token });

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

describe('pairing by code', () => {
	it('a device shows a code; the MPP’s admin types it in; the device gets its token once', async () => {
		const request = await requestPairing(db.sql, jkt.id, 'display', { address: '192.0.2.10' });
		expect(request.code).toMatch(/^[A-Z2-9]{6}$/);
		expect(await checkPairing(db.sql, request.secret)).toMatchObject({
			status: 'waiting',
			code: request.code
		});

		// another MPP's admin cannot claim it, nor can the MPP's supervisor
		expect(await status(claimPairing(db.sql, admin(mks), jkt.id, { code: request.code, name: 'TV' }))).toBe(
			403
		);
		expect(
			await status(
				claimPairing(db.sql, person(jkt.users.supervisor.id, 'supervisor', jkt.id), jkt.id, {
					code: request.code,
					name: 'TV'
				})
			)
		).toBe(403);
		// the code is only known in its own MPP
		const elsewhere = await claimPairing(db.sql, admin(mks), mks.id, {
			code: request.code,
			name: 'TV'
		}).catch((e) => e);
		expect(elsewhere).toBeInstanceOf(FieldError);
		expect(elsewhere.fields).toEqual({ code: { key: 'admin.invalid.pairingCode' } });

		// typed as people do: lower case, with a space
		const typed = `${request.code.slice(0, 3).toLowerCase()} ${request.code.slice(3)}`;
		const { value: device } = await claimPairing(db.sql, admin(jkt), jkt.id, {
			code: typed,
			name: 'TV Lobi Utara'
		});
		expect(device).toMatchObject({ kind: 'display', name: 'TV Lobi Utara' });

		const paired = await checkPairing(db.sql, request.secret);
		expect(paired.status).toBe('paired');
		const token = paired.status === 'paired' ? paired.token : '';
		expect(await deviceOf(token)).toMatchObject({
			kind: 'device',
			device: { id: device.id, kind: 'display', mppId: jkt.id }
		});
		// the secret is spent: nobody else can collect a second token with it
		expect(await checkPairing(db.sql, request.secret)).toEqual({ status: 'expired' });
		// a claimed code cannot be claimed again
		expect(await status(claimPairing(db.sql, admin(jkt), jkt.id, { code: request.code, name: 'x' }))).toBe(
			422
		);

		const [record] = (
			await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: 'TV Lobi Utara' })
		).rows;
		expect(record).toMatchObject({ entity: 'device', action: 'paired', actorName: 'mpp_admin jakarta-uji' });
	});

	it('revoking a device ends its sockets and its token at once', async () => {
		const request = await requestPairing(db.sql, jkt.id, 'kiosk', { address: '192.0.2.10' });
		await claimPairing(db.sql, admin(jkt), jkt.id, { code: request.code, name: 'Kiosk Pintu Masuk' });
		const paired = await checkPairing(db.sql, request.secret);
		if (paired.status !== 'paired') throw new Error('not paired');
		expect(await status(revokeDevice(db.sql, admin(mks), jkt.id, paired.deviceId))).toBe(403);
		const revoked = await revokeDevice(db.sql, admin(jkt), jkt.id, paired.deviceId);
		expect(revoked.live.disconnectDevices).toEqual([paired.deviceId]);
		expect(await deviceOf(paired.token)).toEqual({ kind: 'anonymous' });
		const listed = (await listDevicesForAdmin(db.sql, admin(jkt), jkt.id)).find(
			(d) => d.id === paired.deviceId
		);
		expect(listed?.revokedAt).not.toBeNull();
		expect(await status(revokeDevice(db.sql, admin(jkt), jkt.id, 'not-an-id'))).toBe(404);
	});
});
