// A client that misses events (disconnects, loses one) ends with the true state and seq, taken from
// the database snapshot; a live client applies deltas to exactly the state a fresh snapshot shows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DisplaySnapshot, MppRoom, StaffSnapshot } from '../../src/lib/realtime/events';
import { followMpp, type ConnectionState } from '../../src/lib/realtime/follow';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { createSession } from '../../src/lib/server/auth/session';
import { callNext, issueTicket, recall, setCounterStatus, start } from '../../src/lib/server/queue';
import { startBus, stopBus } from '../../src/lib/server/bus/start';
import { deliver } from '../../src/lib/server/realtime/publish';
import { displaySnapshot, staffSnapshot } from '../../src/lib/server/realtime/snapshot';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, startRealtimeServer, type RealtimeServer } from './realtime-harness';

let db: TestDatabase;
let world: World;
let server: RealtimeServer;
let stops: (() => void)[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
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

type SnapshotOf<R extends MppRoom> = R extends 'display' ? DisplaySnapshot : StaffSnapshot;

/** A followed room as a UI would hold it, with a way to wait for a state. */
function follow<R extends MppRoom>(socket: ClientSocket, room: R, mppId: string) {
	let latest: SnapshotOf<R> | null = null;
	let state: ConnectionState = 'connecting';
	const waiters: (() => void)[] = [];
	const notify = () => waiters.splice(0).forEach((wake) => wake());
	const handle = followMpp({
		socket,
		room,
		mppId,
		holdMs: 100,
		retryMs: 100,
		onSnapshot: (snapshot) => {
			latest = snapshot;
			notify();
		},
		onState: (next) => {
			state = next;
			notify();
		},
		onError: (error) => {
			throw new Error(`refused: ${error.code}`);
		}
	});
	stops.push(handle.stop);
	return {
		get snapshot() {
			return latest;
		},
		get state() {
			return state;
		},
		/** waits (generously) until the followed state satisfies `ok` */
		async until(ok: (snapshot: SnapshotOf<R> | null, state: ConnectionState) => boolean, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (!ok(latest, state)) {
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`timed out; state ${state}, seq ${latest?.seq}`);
				await new Promise<void>((wake) => {
					const timer = setTimeout(wake, left);
					waiters.push(() => (clearTimeout(timer), wake()));
				});
			}
		}
	};
}

async function seqOf(mppId: string): Promise<number> {
	const [row] = await db.sql<{ seq: number }[]>`SELECT seq FROM mpp_event_seq WHERE mpp_id = ${mppId}`;
	return row.seq;
}

/** Some traffic at one MPP; each change reaches the sockets through the bus as it commits. */
async function traffic(fixture: MppFixture) {
	for (const service of ['a', 'b', 'c'] as const) {
		await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services[service], actor: {} });
	}
	const called = await callNext(db.sql, { counterId: fixture.counters.one, actor: {} });
	await recall(db.sql, { ticketId: called.ticket!.id, actor: {} });
	await start(db.sql, { ticketId: called.ticket!.id, actor: {} });
	await callNext(db.sql, { counterId: fixture.counters.three, actor: {} });
	await setCounterStatus(db.sql, { counterId: fixture.counters.two, status: 'paused', actor: {} });
	await setCounterStatus(db.sql, { counterId: fixture.counters.two, status: 'open', actor: {} });
}

function displayClient(fixture: MppFixture, reconnection = false) {
	return client(server.url, { cookie: `antrean_device=${fixture.devices.display.token}`, reconnection });
}

describe('following an MPP', () => {
	it('a live TV applies every event and shows exactly what a fresh snapshot shows', async () => {
		const fixture = world.mpps[0];
		const tv = follow(displayClient(fixture), 'display', fixture.id);
		await tv.until((_, state) => state === 'live');
		await traffic(fixture);
		const seq = await seqOf(fixture.id);
		await tv.until((snapshot) => snapshot?.seq === seq);
		expect(tv.snapshot).toEqual(await displaySnapshot(db.sql, fixture.id));
		expect(tv.snapshot!.recentCalls.length).toBeGreaterThanOrEqual(2);
	});

	it('a live console applies every event and shows exactly what a fresh staff snapshot shows', async () => {
		const fixture = world.mpps[1];
		const { token } = await createSession(db.sql, fixture.users.mpp_admin.id);
		const console = follow(client(server.url, { cookie: `antrean_session=${token}` }), 'staff', fixture.id);
		await console.until((_, state) => state === 'live');
		await traffic(fixture);
		const seq = await seqOf(fixture.id);
		await console.until((snapshot) => snapshot?.seq === seq);
		expect(console.snapshot).toEqual(await staffSnapshot(db.sql, fixture.id));
		const busy = console.snapshot!.counters.find((c) => c.id === fixture.counters.one);
		expect(busy?.currentTicket?.status).toBe('serving');
	});

	it('a TV that was offline while the queue moved resyncs to the true state and seq on reconnect', async () => {
		const fixture = world.mpps[0];
		const socket = displayClient(fixture);
		const tv = follow(socket, 'display', fixture.id);
		await tv.until((_, state) => state === 'live');
		const before = tv.snapshot!.seq;

		socket.disconnect();
		await tv.until((_, state) => state === 'reconnecting');
		await traffic(fixture);
		const seq = await seqOf(fixture.id);
		expect(seq).toBeGreaterThan(before);
		expect(tv.snapshot!.seq).toBe(before);

		socket.connect();
		await tv.until((snapshot, state) => state === 'live' && snapshot?.seq === seq);
		expect(tv.snapshot).toEqual(await displaySnapshot(db.sql, fixture.id));
	});

	it('after a dropped connection the client reconnects by itself and catches up', async () => {
		const fixture = world.mpps[1];
		const socket = displayClient(fixture, true);
		const tv = follow(socket, 'display', fixture.id);
		await tv.until((_, state) => state === 'live');
		// the network goes away under the socket (not a polite disconnect)
		socket.io.engine.close();
		await tv.until((_, state) => state === 'reconnecting');
		await traffic(fixture);
		const seq = await seqOf(fixture.id);
		await tv.until((snapshot, state) => state === 'live' && snapshot?.seq === seq);
		expect(tv.snapshot).toEqual(await displaySnapshot(db.sql, fixture.id));
	});

	it('a lost event is noticed by the gap it leaves, and the client resyncs from a snapshot', async () => {
		const fixture = world.mpps[0];
		const tv = follow(displayClient(fixture), 'display', fixture.id);
		await tv.until((_, state) => state === 'live');
		// this node's ear on the bus was down: the change is in the database, never reached these sockets
		await stopBus();
		const lost = await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services.b, actor: {} });
		// listening again, but without the server's resync hint: the gap alone must bring the client back
		await startBus({ deliver, onResync: () => {} })?.ready;
		const heard = await callNext(db.sql, { counterId: fixture.counters.one, actor: {} });
		expect(heard.outcome!.seq).toBe(lost.outcome.seq + 1);
		await tv.until((snapshot) => snapshot?.seq === heard.outcome!.seq);
		expect(tv.snapshot).toEqual(await displaySnapshot(db.sql, fixture.id));
		expect(tv.snapshot!.recentCalls[0].number).toBe(heard.ticket!.number);
	});
});
