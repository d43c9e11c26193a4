// The ministry's live "today" (issue 5): the `ministry` room gets today's national figures a few
// seconds apart, as aggregates that follow the tickets, and never a per-ticket event; other roles
// cannot join it. Real sockets, a real http.Server and real PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { createSession } from '../../src/lib/server/auth/session';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { startMinistryPulse } from '../../src/lib/server/realtime/ministry-pulse';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
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
	// a quicker beat than production's five seconds, so the test waits less
	startMinistryPulse(300);
});
afterEach(() => closeClients());
afterAll(async () => {
	startMinistryPulse();
	await server?.close();
	await db?.drop();
});

async function userSocket(userId: string): Promise<ClientSocket> {
	const { token } = await createSession(db.sql, userId);
	const socket = client(server.url, { cookie: `antrean_session=${token}` });
	await connected(socket);
	return socket;
}

function join(socket: ClientSocket): Promise<Ack<{ room: string }>> {
	return socket.timeout(10_000).emitWithAck('room:join', { room: 'ministry' });
}

describe('the ministry room', () => {
	it('carries today’s national figures as they move, and no ticket', async () => {
		const socket = await userSocket(world.ministry.id);
		expect(await join(socket)).toEqual({ data: { room: 'ministry' } });
		const seen = record(socket);
		const first = await nextEvent(socket, 'ministry:today');
		expect(first.total.mpps).toBe(2);
		expect(first.zones.map((z) => z.zone).sort()).toEqual(['WIB', 'WITA']);

		const mpp = world.mpps[1];
		for (let i = 0; i < 3; i++) {
			await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
		}
		await callNext(db.sql, { counterId: mpp.counters.one, actor: {} });

		const moved = await nextEvent(socket, 'ministry:today', (e) => e.total.issued === first.total.issued + 3);
		expect(moved.total.called).toBe(first.total.called + 1);
		expect(moved.zones.find((z) => z.zone === 'WITA')!.issued).toBe(3);
		expect(Date.parse(moved.at)).toBeGreaterThan(Date.parse(first.at));
		// aggregates only: nothing but the pulse reached the room, and it names no ticket
		expect(new Set(seen.map((e) => e.name))).toEqual(new Set(['ministry:today']));
		expect(JSON.stringify(seen)).not.toMatch(/trackCode|number"|ticketId/);
	});

	it('is closed to an MPP’s own staff and to anonymous sockets', async () => {
		for (const userId of [world.mpps[0].users.mpp_admin.id, world.mpps[0].users.supervisor.id]) {
			const answer = await join(await userSocket(userId));
			expect('error' in answer && answer.error.code).toBe('forbidden');
		}
		const anonymous = client(server.url);
		await connected(anonymous);
		const answer = await join(anonymous);
		expect('error' in answer && answer.error.code).toBe('forbidden');
	});
});
