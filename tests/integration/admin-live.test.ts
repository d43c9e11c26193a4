// Configuration changes reach TVs and consoles without a reload (issue 6), with real socket.io
// clients following the display and staff rooms: a new service arrives through a resync on
// `mpp:configured`, a renamed counter as `counter:changed`, a running text as `display:message`, and a
// revoked TV loses its socket at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DisplaySnapshot, MppRoom, StaffSnapshot } from '../../src/lib/realtime/events';
import { followMpp } from '../../src/lib/realtime/follow';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { updateCounter } from '../../src/lib/server/admin/counters';
import { revokeDevice } from '../../src/lib/server/admin/devices';
import { updateMppOperations } from '../../src/lib/server/admin/mpps';
import { createService } from '../../src/lib/server/admin/services';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { createSession } from '../../src/lib/server/auth/session';
import { listServiceRows } from '../../src/lib/server/db/catalogue-edits';
import { readEventSeq } from '../../src/lib/server/db/snapshots';
import { createWorld, mppAdminActor, type MppFixture, type World } from '../helpers/fixtures';
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
let stops: (() => void)[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
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

const admin = () => mppAdminActor(jkt);

type SnapshotOf<R extends MppRoom> = R extends 'display' ? DisplaySnapshot : StaffSnapshot;

function follow<R extends MppRoom>(socket: ClientSocket, room: R) {
	let latest: SnapshotOf<R> | null = null;
	const handle = followMpp({
		socket,
		room,
		mppId: jkt.id,
		holdMs: 100,
		retryMs: 100,
		onSnapshot: (snapshot) => (latest = snapshot),
		onError: (error) => {
			throw new Error(`refused: ${error.code}`);
		}
	});
	stops.push(handle.stop);
	return {
		async until(ok: (snapshot: SnapshotOf<R>) => boolean, timeoutMs = 10_000): Promise<SnapshotOf<R>> {
			const deadline = Date.now() + timeoutMs;
			while (!latest || !ok(latest)) {
				if (Date.now() > deadline) throw new Error(`timed out at seq ${latest?.seq}`);
				await new Promise((r) => setTimeout(r, 20));
			}
			return latest;
		}
	};
}

async function clients() {
	const { token } = await createSession(db.sql, jkt.users.mpp_admin.id);
	const staffSocket = client(server.url, { cookie: `${SESSION_COOKIE}=${token}` });
	const tvSocket = client(server.url, { cookie: `${DEVICE_COOKIE}=${jkt.devices.display.token}` });
	await Promise.all([connected(staffSocket), connected(tvSocket)]);
	const staff = follow(staffSocket, 'staff');
	const tv = follow(tvSocket, 'display');
	await Promise.all([staff.until(() => true), tv.until(() => true)]);
	return { staff, tv, tvSocket };
}

describe('live configuration', () => {
	it('a new service reaches the TV and the consoles, at the database seq', async () => {
		const { staff, tv } = await clients();
		const tenantId = (await listServiceRows(db.sql, jkt.id)).find((s) => s.id === jkt.services.a)!.tenantId;
		const saved = await createService(db.sql, admin(), jkt.id, {
			tenantId,
			code: 'LEGAL',
			prefix: 'L',
			name: 'Legalisir',
			targetWaitMinutes: '20',
			cutoffMinutes: '30',
			counterIds: [jkt.counters.two]
		});
		const seq = await readEventSeq(db.sql, jkt.id);
		const onTv = await tv.until((s) => s.services.some((x) => x.prefix === 'L'));
		const onConsole = await staff.until((s) => s.services.some((x) => x.prefix === 'L'));
		expect(onTv.seq).toBe(seq);
		expect(onConsole.counters.find((c) => c.id === jkt.counters.two)?.serviceIds).toContain(saved.value.id);
	});

	it('a renamed counter and a new running text arrive as deltas', async () => {
		const { staff, tv } = await clients();
		await updateCounter(db.sql, admin(), jkt.id, jkt.counters.three, {
			name: 'Loket 3 Polri',
			tenantId: '',
			serviceIds: [jkt.services.c]
		});
		await tv.until((s) => s.counters.some((c) => c.name === 'Loket 3 Polri'));
		await staff.until((s) => s.counters.some((c) => c.name === 'Loket 3 Polri'));
		const allDay = { open: 'on', from: '00:00', to: '24:00' };
		await updateMppOperations(db.sql, admin(), jkt.id, {
			openingHours: Object.fromEntries(
				['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, allDay])
			),
			callLimit: '3',
			priorityRatio: '2',
			runningText: 'Layanan Legalisir kini tersedia'
		});
		await tv.until((s) => s.mpp.runningText === 'Layanan Legalisir kini tersedia');
		await staff.until((s) => s.mpp.runningText === 'Layanan Legalisir kini tersedia');
	});

	it('a revoked TV loses its socket at once', async () => {
		const { tvSocket } = await clients();
		const reason = new Promise<string>((resolve) => tvSocket.once('disconnect', resolve));
		await revokeDevice(db.sql, admin(), jkt.id, jkt.devices.display.id);
		expect(await reason).toBe('io server disconnect');
	});
});
