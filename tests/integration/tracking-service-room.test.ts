// A citizen's phone learns that its place moved when OTHER tickets of its service are called, through
// the service room, which only the holder of a ticket of that service may join and which carries no
// other citizen's data. Real sockets, a real http.Server and real PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { callNext, cancel, getTicketByTrackCode, issueTicket } from '../../src/lib/server/queue';
import { publish } from '../../src/lib/server/realtime/publish';
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
});
afterEach(() => closeClients());
afterAll(async () => {
	await server?.close();
	await db?.drop();
});

async function phone(): Promise<ClientSocket> {
	const socket = client(server.url);
	await connected(socket);
	return socket;
}

function join(socket: ClientSocket, request: unknown): Promise<Ack<{ room: string }>> {
	return socket.timeout(10_000).emitWithAck('room:join', request as never);
}

const code = (answer: Ack<unknown>) => ('error' in answer ? answer.error.code : 'ok');

async function issue(serviceId: string) {
	const mpp = world.mpps[0];
	const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: {} });
	publish(issued.outcome);
	return issued.ticket;
}

describe('service room', () => {
	it('a waiting citizen hears that the queue moved when the ticket ahead is called, and moves up', async () => {
		const mpp = world.mpps[0];
		const first = await issue(mpp.services.c);
		const mine = await issue(mpp.services.c);
		expect((await getTicketByTrackCode(db.sql, mine.trackCode))?.position).toBe(2);

		const socket = await phone();
		const seen = record(socket);
		const room = { room: 'service', serviceId: mpp.services.c, trackCode: mine.trackCode };
		expect(await join(socket, room)).toEqual({ data: { room: `service:${mpp.services.c}` } });

		const moved = nextEvent(socket, 'service:moved');
		const called = await callNext(db.sql, { counterId: mpp.counters.three, actor: {} });
		publish(called.outcome);
		expect(called.ticket?.id).toBe(first.id);
		expect(await moved).toEqual({ mppId: mpp.id, serviceId: mpp.services.c });
		// the hint says only "refetch": the refetch tells this citizen their new place
		expect((await getTicketByTrackCode(db.sql, mine.trackCode))?.position).toBe(1);
		expect(JSON.stringify(seen)).not.toContain(first.number);
		expect(JSON.stringify(seen)).not.toContain(first.trackCode);
	});

	it('needs a real ticket of that very service: a guess or another service is refused', async () => {
		const mpp = world.mpps[0];
		const mine = await issue(mpp.services.a);
		const socket = await phone();
		const unknown = { room: 'service', serviceId: mpp.services.a, trackCode: 'abcdefghjk' };
		expect(code(await join(socket, unknown))).toBe('not_found');
		const otherService = { room: 'service', serviceId: mpp.services.c, trackCode: mine.trackCode };
		expect(code(await join(socket, otherService))).toBe('not_found');
		const malformed = { room: 'service', serviceId: 'not-a-uuid', trackCode: mine.trackCode };
		expect(code(await join(socket, malformed))).toBe('invalid_payload');
	});

	it('a phone of another service hears nothing when this service moves', async () => {
		const mpp = world.mpps[0];
		const other = await issue(mpp.services.a);
		await issue(mpp.services.c);
		const socket = await phone();
		const seen = record(socket);
		await join(socket, { room: 'service', serviceId: mpp.services.a, trackCode: other.trackCode });
		const called = await callNext(db.sql, { counterId: mpp.counters.three, actor: {} });
		publish(called.outcome);
		// cancelling its own ticket moves service A: that hint, arriving after the call's, proves the
		// call's hints had time to arrive too, and none of them was for this phone
		const moved = nextEvent(socket, 'service:moved');
		publish((await cancel(db.sql, { ticketId: other.id, actor: {} })).outcome);
		await moved;
		expect(seen.filter((e) => e.name === 'service:moved').map((e) => e.payload)).toEqual([
			{ mppId: mpp.id, serviceId: mpp.services.a }
		]);
	});
});
