// A citizen's phone follows its own ticket over the socket alone: `ticket:follow` answers its state,
// and when OTHER tickets of its service move, the server computes every waiting ticket's place in one
// query and tells each phone only its own (`ticket:position`). Nothing about another citizen, and no
// priority group, ever reaches a phone. Real sockets, a real http.Server and real PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { listWaitingPlaces } from '../../src/lib/server/db/positions';
import { callNext, cancel, getTicketByTrackCode, issueTicket } from '../../src/lib/server/queue';
import { positionEvent } from '../../src/lib/server/realtime/positions';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
	ackCode,
	client,
	closeClients,
	followTicket,
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

async function issue(serviceId: string, priorityGroup: 'disabilitas' | 'ibu_hamil' | null = null) {
	const mpp = world.mpps[0];
	const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: {}, priorityGroup });
	return issued.ticket;
}

async function drain(counterId: string) {
	for (let i = 0; i < 50; i++) {
		const called = await callNext(db.sql, { counterId, actor: {} });
		if (!called.ticket) return;
	}
}

describe('following a ticket', () => {
	it('tells a waiting phone its new place after another ticket of its service is called, and nothing else', async () => {
		const mpp = world.mpps[0];
		await drain(mpp.counters.three);
		const first = await issue(mpp.services.c, 'disabilitas');
		const mine = await issue(mpp.services.c);

		const socket = await phone();
		const seen = record(socket);
		const answer = await followTicket(socket, { trackCode: mine.trackCode });
		if (!('data' in answer)) throw new Error(JSON.stringify(answer));
		expect(answer.data).toMatchObject({ position: 2, tenantName: expect.any(String) });
		expect(answer.data.ticket).toEqual({
			trackCode: mine.trackCode,
			number: mine.number,
			status: 'waiting',
			serviceId: mpp.services.c,
			serviceName: mine.serviceName,
			counterName: null,
			callCount: 0
		});

		const moved = nextEvent(socket, 'ticket:position', (e) => e.position === 1);
		const called = await callNext(db.sql, { counterId: mpp.counters.three, actor: {} });
		expect(called.ticket?.id).toBe(first.id);
		const position = await moved;
		expect(position).toEqual({
			mppId: mpp.id,
			seq: expect.any(Number),
			trackCode: mine.trackCode,
			position: 1,
			estimatedWaitMinutes: 0
		});
		expect(position.seq).toBeGreaterThanOrEqual(called.outcome!.seq);

		// then its own call arrives as its own ticket's state
		const tracked = nextEvent(socket, 'ticket:tracked');
		await callNext(db.sql, { counterId: mpp.counters.three, actor: {} });
		expect((await tracked).ticket).toMatchObject({
			trackCode: mine.trackCode,
			status: 'called',
			counterName: 'Loket 3'
		});

		const everything = JSON.stringify(seen);
		expect(everything).not.toContain(first.trackCode);
		expect(everything).not.toContain(first.number);
		expect(everything).not.toContain(first.id);
		expect(everything).not.toMatch(/priorityGroup|disabilitas/);
		expect(
			seen
				.filter((e) => e.name === 'ticket:position')
				.every((e) => JSON.stringify(e.payload).includes(mine.trackCode))
		).toBe(true);
		expect(new Set(seen.map((e) => e.name))).toEqual(new Set(['ticket:position', 'ticket:tracked']));
	});

	it('computes every place in one query exactly as a single ticket is told its own', async () => {
		const mpp = world.mpps[0];
		await drain(mpp.counters.three);
		const tickets = [
			await issue(mpp.services.c),
			await issue(mpp.services.c, 'ibu_hamil'),
			await issue(mpp.services.c),
			await issue(mpp.services.c, 'disabilitas'),
			await issue(mpp.services.c)
		];
		const bulk = (await listWaitingPlaces(db.sql, mpp.services.c)).map(positionEvent);
		expect(bulk.map((e) => e.trackCode).sort()).toEqual(tickets.map((t) => t.trackCode).sort());
		for (const event of bulk) {
			const single = await getTicketByTrackCode(db.sql, event.trackCode);
			expect({ position: event.position, estimatedWaitMinutes: event.estimatedWaitMinutes }).toEqual({
				position: single?.position,
				estimatedWaitMinutes: single?.estimatedWaitMinutes
			});
		}
		// a priority ticket counts only the priority tickets ahead of it
		expect(bulk.find((e) => e.trackCode === tickets[3].trackCode)?.position).toBe(2);
		await drain(mpp.counters.three);
	});

	it('answers an unknown or malformed code with an error, and keeps the phone out of that room', async () => {
		const socket = await phone();
		const seen = record(socket);
		expect(ackCode(await followTicket(socket, { trackCode: 'abcdefghjk' }))).toBe('ticket_not_found');
		expect(ackCode(await followTicket(socket, { trackCode: 'not a code!' }))).toBe('invalid_payload');
		expect(ackCode(await followTicket(socket, {}))).toBe('invalid_payload');
		expect(seen).toEqual([]);
	});

	it('a phone of another service hears no place when this service moves', async () => {
		const mpp = world.mpps[0];
		await drain(mpp.counters.three);
		const other = await issue(mpp.services.a);
		await issue(mpp.services.c);
		const mine = await issue(mpp.services.c);
		const socket = await phone();
		const seen = record(socket);
		expect(ackCode(await followTicket(socket, { trackCode: other.trackCode }))).toBe('ok');
		const neighbour = await phone();
		expect(ackCode(await followTicket(neighbour, { trackCode: mine.trackCode }))).toBe('ok');
		const moved = nextEvent(neighbour, 'ticket:position', (e) => e.position === 1);
		await callNext(db.sql, { counterId: mpp.counters.three, actor: {} });
		await moved;
		// its own cancellation, sent after the places of service C were: had any of those been for
		// this phone, it would have arrived first
		const tracked = nextEvent(socket, 'ticket:tracked');
		await cancel(db.sql, { ticketId: other.id, actor: {} });
		await tracked;
		expect(seen.filter((e) => e.name === 'ticket:position')).toEqual([]);
		await drain(mpp.counters.three);
	});
});
