// The feedback tablet's realtime door: a feedback device may follow the counter rooms of its own MPP,
// where it hears each ticket finished there: by ticket id, which its survey is answered with. The
// counter's room carries no track code (issue 10 item 4): operators are in it too.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import { insertDevice } from '../../src/lib/server/db/devices';
import { callNext, finish, issueTicket } from '../../src/lib/server/queue';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
	client,
	closeClients,
	connected,
	nextEvent,
	startRealtimeServer,
	type RealtimeServer
} from './realtime-harness';

let db: TestDatabase;
let world: World;
let server: RealtimeServer;
let tabletToken: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	tabletToken = generateToken();
	await insertDevice(db.sql, {
		mppId: world.mpps[0].id,
		kind: 'feedback',
		name: 'Tablet survei Loket 1',
		tokenHash: hashToken(tabletToken)
	});
	server = await startRealtimeServer();
});
afterEach(() => closeClients());
afterAll(async () => {
	await server?.close();
	await db?.drop();
});

async function deviceSocket(token: string): Promise<ClientSocket> {
	const socket = client(server.url, { cookie: `antrean_device=${token}` });
	await connected(socket);
	return socket;
}

function join(socket: ClientSocket, request: unknown): Promise<Ack<{ room: string }>> {
	return socket.timeout(10_000).emitWithAck('room:join', request as never);
}

const code = (answer: Ack<unknown>) => ('error' in answer ? answer.error.code : 'ok');

describe('a feedback tablet beside a counter', () => {
	it('may follow its own MPP’s counters only; TVs and kiosks still may not', async () => {
		const [own, other] = world.mpps;
		const tablet = await deviceSocket(tabletToken);
		expect(code(await join(tablet, { room: 'counter', counterId: own.counters.one }))).toBe('ok');
		expect(code(await join(tablet, { room: 'counter', counterId: other.counters.one }))).toBe('forbidden');
		expect(code(await join(tablet, { room: 'staff', mppId: own.id }))).toBe('forbidden');
		const kiosk = await deviceSocket(own.devices.kiosk.token);
		expect(code(await join(kiosk, { room: 'counter', counterId: own.counters.one }))).toBe('forbidden');
	});

	it('hears the finish of the ticket served at its counter, by id and without its track code', async () => {
		const fixture = world.mpps[0];
		const tablet = await deviceSocket(tabletToken);
		expect(code(await join(tablet, { room: 'counter', counterId: fixture.counters.one }))).toBe('ok');
		const actor = { userId: fixture.users.operator.id };
		const issued = await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services.a, actor });
		await callNext(db.sql, { counterId: fixture.counters.one, actor });
		const heard = nextEvent(tablet, 'ticket:finished', (e) => e.ticket.id === issued.ticket.id);
		await finish(db.sql, { ticketId: issued.ticket.id, actor });
		const event = await heard;
		expect(event.ticket).toMatchObject({
			id: issued.ticket.id,
			status: 'done',
			counterId: fixture.counters.one
		});
		expect(JSON.stringify(event)).not.toContain(issued.ticket.trackCode);
	});
});
