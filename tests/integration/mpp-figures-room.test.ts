// The ministry's read-only Live tab of one MPP follows `figures:<mppId>`: the tab's aggregate figures,
// pushed after each join and after the MPP's queue moves, never a queue event, a ticket number or a
// track code; open to the MPP's statistics readers only. Real sockets, a real http.Server, real
// PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, MppFiguresEvent } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { createSession } from '../../src/lib/server/auth/session';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
	ackCode,
	client,
	closeClients,
	connected,
	nextEvent,
	record,
	startRealtimeServer,
	type RealtimeServer
} from './realtime-harness';

let db: TestDatabase;
let world: World;
let server: RealtimeServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	server = await startRealtimeServer();
});
afterEach(() => closeClients());
afterAll(async () => {
	await server?.close();
	await db?.drop();
});

async function userSocket(userId: string): Promise<ClientSocket> {
	const { token } = await createSession(db.sql, userId);
	const socket = client(server.url, { cookie: `antrean_session=${token}` });
	await connected(socket);
	return socket;
}

function join(socket: ClientSocket, request: unknown): Promise<Ack<{ room: string }>> {
	return socket.timeout(10_000).emitWithAck('room:join', request as never);
}

const waitingIn = (event: MppFiguresEvent) => event.live.services.reduce((sum, s) => sum + s.waiting, 0);

/** Issues and calls through the engine (which sends on the bus, as for the HTTP doors); returns what a leak would show. */
async function moveQueue(mpp: MppFixture, issues: number, calls: number) {
	const secrets: string[] = [];
	for (let i = 0; i < issues; i++) {
		const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
		secrets.push(issued.ticket.trackCode, issued.ticket.number, issued.ticket.id);
	}
	for (let i = 0; i < calls; i++) {
		await callNext(db.sql, { counterId: mpp.counters.one, actor: {} });
	}
	return secrets;
}

describe('an MPP’s figures room', () => {
	it('gives the ministry the Live tab’s figures on joining and as the queue moves, and no ticket', async () => {
		const mpp = world.mpps[0];
		const socket = await userSocket(world.ministry.id);
		const seen = record(socket);
		const first = nextEvent(socket, 'mpp:figures');
		expect(await join(socket, { room: 'figures', mppId: mpp.id })).toEqual({
			data: { room: `figures:${mpp.id}` }
		});
		const joined = await first;
		expect(joined.mppId).toBe(mpp.id);
		expect(joined.live.services.length).toBeGreaterThan(0);
		expect(joined.ikm).toBeDefined();

		const secrets = await moveQueue(mpp, 3, 1);
		const moved = await nextEvent(socket, 'mpp:figures', (e) => e.live.today.called === 1);
		expect(waitingIn(moved)).toBe(waitingIn(joined) + 2);
		expect(moved.live.today.issued).toBe(joined.live.today.issued + 3);
		// the counter that called says so, and not whom
		const calling = moved.live.counters.find((c) => c.counterId === mpp.counters.one);
		expect(calling?.serving).toMatchObject({ state: 'called', ticketNumber: null });

		// nothing but the figures reached the room, and no ticket is named anywhere in them
		expect(new Set(seen.map((e) => e.name))).toEqual(new Set(['mpp:figures']));
		const everything = JSON.stringify(seen);
		for (const secret of secrets) expect(everything).not.toContain(secret);
		expect(everything).not.toMatch(/trackCode|ticketId|"number"/);
	});

	it('carries only its own MPP', async () => {
		const [watchedMpp, otherMpp] = world.mpps;
		const socket = await userSocket(world.superadmin.id);
		const first = nextEvent(socket, 'mpp:figures');
		expect(ackCode(await join(socket, { room: 'figures', mppId: watchedMpp.id }))).toBe('ok');
		const joined = await first;
		const seen = record(socket);
		await moveQueue(otherMpp, 2, 0);
		await moveQueue(watchedMpp, 1, 0);
		await nextEvent(socket, 'mpp:figures', (e) => waitingIn(e) === waitingIn(joined) + 1);
		expect(seen.map((e) => (e.payload as MppFiguresEvent).mppId)).not.toContain(otherMpp.id);
	});

	it('is open to the MPP’s statistics readers and to nobody else', async () => {
		const [mpp, other] = world.mpps;
		const request = { room: 'figures', mppId: mpp.id };
		for (const userId of [
			world.ministry.id,
			world.superadmin.id,
			mpp.users.mpp_admin.id,
			mpp.users.supervisor.id
		]) {
			expect(ackCode(await join(await userSocket(userId), request))).toBe('ok');
		}
		for (const userId of [mpp.users.operator.id, other.users.mpp_admin.id, other.users.supervisor.id]) {
			expect(ackCode(await join(await userSocket(userId), request))).toBe('forbidden');
		}
		const tv = client(server.url, { cookie: `antrean_device=${mpp.devices.display.token}` });
		await connected(tv);
		expect(ackCode(await join(tv, request))).toBe('forbidden');
		const anonymous = client(server.url);
		await connected(anonymous);
		expect(ackCode(await join(anonymous, request))).toBe('forbidden');
	});

	it('answers a malformed join with a 400-style error ack and stays connected', async () => {
		const socket = await userSocket(world.ministry.id);
		const crafted: unknown[] = [
			{ room: 'figures' },
			{ room: 'figures', mppId: 'bandung' },
			{ room: 'figures', mppId: 42 },
			JSON.parse(`{"room":"figures","mppId":"${world.mpps[0].id}","__proto__":{"role":"superadmin"}}`),
			{ room: 'figures', mppId: 'x'.repeat(50_000) }
		];
		for (const payload of crafted) {
			expect(ackCode(await join(socket, payload)), JSON.stringify(payload).slice(0, 60)).toBe(
				'invalid_payload'
			);
		}
		expect(socket.connected).toBe(true);
	});
});
