// A paired device's name (issue 6 "Devices"), changed by the MPP's admin and recorded in the audit; and
// what a revoked device learns: its HTTP requests and its socket handshake say "revoked" by name, so
// its screen can ask to be paired again instead of reconnecting forever.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { followMpp } from '../../src/lib/realtime/follow';
import { readAuditLog } from '../../src/lib/server/admin/audit-log';
import { listDevicesForAdmin, renameDevice, revokeDevice } from '../../src/lib/server/admin/devices';
import { FieldError } from '../../src/lib/server/admin/input';
import type { Actor } from '../../src/lib/server/auth/actor';
import { DEVICE_COOKIE } from '../../src/lib/server/auth/cookies';
import { authenticate } from '../../src/lib/server/auth/resolve';
import { AppError } from '../../src/lib/server/errors';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
	client,
	closeClients,
	connected,
	startRealtimeServer,
	type RealtimeServer
} from './realtime-harness';

let db: TestDatabase;
let world: World;
let server: RealtimeServer;
let jkt: MppFixture;
let mks: MppFixture;
let stops: (() => void)[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	[jkt, mks] = world.mpps;
	server = await startRealtimeServer();
});
afterEach(() => {
	for (const stop of stops) stop();
	stops = [];
	closeClients();
});
afterAll(async () => {
	await server?.close();
	await db?.drop();
});

const person = (id: string, role: 'mpp_admin' | 'supervisor', mppId: string): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const admin = (mpp: MppFixture) => person(mpp.users.mpp_admin.id, 'mpp_admin', mpp.id);

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

describe('renaming a device', () => {
	it('renames, records before and after, and refuses others, bad names and revoked devices', async () => {
		const { id } = jkt.devices.kiosk;
		const before = (await listDevicesForAdmin(db.sql, admin(jkt), jkt.id)).find((d) => d.id === id)!.name;
		const saved = await renameDevice(db.sql, admin(jkt), jkt.id, id, { name: '  Kiosk Pintu Timur ' });
		expect(saved.value).toEqual({ id, name: 'Kiosk Pintu Timur' });
		expect((await listDevicesForAdmin(db.sql, admin(jkt), jkt.id)).find((d) => d.id === id)?.name).toBe(
			'Kiosk Pintu Timur'
		);
		const rows = (await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: 'Pintu Timur' }))
			.rows;
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			entity: 'device',
			action: 'updated',
			changes: { name: [before, 'Kiosk Pintu Timur'] }
		});
		// the same name again changes nothing and records nothing
		await renameDevice(db.sql, admin(jkt), jkt.id, id, { name: 'Kiosk Pintu Timur' });
		expect(
			(await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: 'Pintu Timur' })).rows
		).toHaveLength(1);

		const empty = await renameDevice(db.sql, admin(jkt), jkt.id, id, { name: '' }).catch((e) => e);
		expect(empty).toBeInstanceOf(FieldError);
		expect(empty.fields).toEqual({ name: { key: 'admin.invalid.required' } });
		const long = await renameDevice(db.sql, admin(jkt), jkt.id, id, { name: 'x'.repeat(101) }).catch(
			(e) => e
		);
		expect(long.fields).toEqual({ name: { key: 'admin.invalid.tooLong', params: { max: '100' } } });
		expect(await status(renameDevice(db.sql, admin(mks), jkt.id, id, { name: 'X' }))).toBe(403);
		expect(await status(renameDevice(db.sql, admin(mks), mks.id, id, { name: 'X' }))).toBe(404);
		expect(
			await status(
				renameDevice(db.sql, person(jkt.users.supervisor.id, 'supervisor', jkt.id), jkt.id, id, { name: 'X' })
			)
		).toBe(403);
		expect(await status(renameDevice(db.sql, admin(jkt), jkt.id, 'bukan-id', { name: 'X' }))).toBe(404);
	});
});

describe('a revoked device', () => {
	it('is told so over HTTP and at its socket handshake; an unknown token is merely anonymous', async () => {
		const { id, token } = mks.devices.kiosk;
		await revokeDevice(db.sql, admin(mks), mks.id, id);
		const auth = await authenticate(db.sql, { deviceToken: token });
		expect(auth).toMatchObject({
			actor: { kind: 'anonymous' },
			staleDeviceCookie: true,
			revokedDevice: true
		});
		expect(await authenticate(db.sql, { authorization: `Bearer ${token}` })).toMatchObject({
			revokedDevice: true
		});
		const unknown = await authenticate(db.sql, { deviceToken: 'tidak-pernah-dipasangkan' });
		expect(unknown).toMatchObject({ staleDeviceCookie: true, revokedDevice: false });

		const refused = await connected(client(server.url, { cookie: `${DEVICE_COOKIE}=${token}` })).catch(
			(e) => e
		);
		expect(refused.data).toEqual({ code: 'device_revoked' });
		await connected(client(server.url, { cookie: `${DEVICE_COOKIE}=tidak-pernah-dipasangkan` }));
	});

	it('a TV following its room is disconnected on revoke and then stops, refused as revoked', async () => {
		const socket = client(server.url, { cookie: `${DEVICE_COOKIE}=${jkt.devices.display.token}` });
		await connected(socket);
		let live = false;
		const refused = new Promise<string>((resolve) => {
			const follow = followMpp({
				socket,
				room: 'display',
				mppId: jkt.id,
				retryMs: 50,
				onSnapshot: () => (live = true),
				onRefused: resolve
			});
			stops.push(follow.stop);
		});
		while (!live) await new Promise((r) => setTimeout(r, 20));
		await revokeDevice(db.sql, admin(jkt), jkt.id, jkt.devices.display.id);
		expect(await refused).toBe('device_revoked');
		// and it does not keep knocking
		await new Promise((r) => setTimeout(r, 300));
		expect(socket.connected).toBe(false);
		expect(socket.active).toBe(false);
	});
});
