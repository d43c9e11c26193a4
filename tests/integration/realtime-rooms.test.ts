// Rooms and their doors with real sockets, a real http.Server and real PostgreSQL: who hears what.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { createSession, invalidateSession } from '../../src/lib/server/auth/session';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { sendDisconnect } from '../../src/lib/server/bus/send';
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

const [jakarta, makassar] = [0, 1] as const;

async function userSocket(userId: string): Promise<ClientSocket> {
	const { token } = await createSession(db.sql, userId);
	const socket = client(server.url, { cookie: `antrean_session=${token}` });
	await connected(socket);
	return socket;
}

async function displaySocket(mpp: 0 | 1): Promise<ClientSocket> {
	const socket = client(server.url, { cookie: `antrean_device=${world.mpps[mpp].devices.display.token}` });
	await connected(socket);
	return socket;
}

async function anonymousSocket(): Promise<ClientSocket> {
	const socket = client(server.url);
	await connected(socket);
	return socket;
}

function join(socket: ClientSocket, request: unknown): Promise<Ack<{ room: string }>> {
	return socket.timeout(10_000).emitWithAck('room:join', request as never);
}

const code = (answer: Ack<unknown>) => ('error' in answer ? answer.error.code : 'ok');

/** Issues a ticket and calls it at the counter, publishing both changes as a door would. */
async function issueAndCall(mpp: 0 | 1, service: 'a' | 'c' = 'a', counter: 'one' | 'three' = 'one') {
	const fixture = world.mpps[mpp];
	const issued = await issueTicket(db.sql, {
		mppId: fixture.id,
		serviceId: fixture.services[service],
		actor: {}
	});
	const called = await callNext(db.sql, { counterId: fixture.counters[counter], actor: {} });
	return { issued, called };
}

describe('display room', () => {
	it('a call reaches the TVs of that MPP and not those of another MPP', async () => {
		const jakartaTv = await displaySocket(jakarta);
		const makassarTv = await displaySocket(makassar);
		const heardInMakassar = record(makassarTv);

		const jakartaCall = nextEvent(jakartaTv, 'ticket:called');
		const { called } = await issueAndCall(jakarta);
		const event = await jakartaCall;
		expect(event).toMatchObject({
			mppId: world.mpps[jakarta].id,
			seq: called.outcome!.seq,
			call: {
				number: called.ticket!.number,
				counterName: 'Loket 1',
				counterId: world.mpps[jakarta].counters.one
			}
		});

		// events reach one socket in the order they were published: once Makassar's own call has
		// arrived, Jakarta's would have arrived before it
		const makassarCall = nextEvent(makassarTv, 'ticket:called');
		await issueAndCall(makassar);
		expect((await makassarCall).mppId).toBe(world.mpps[makassar].id);
		expect(
			heardInMakassar.every((e) => (e.payload as { mppId: string }).mppId === world.mpps[makassar].id)
		).toBe(true);
	});

	it('a TV hears calls and waiting counts, never waiting ticket numbers or tracking codes', async () => {
		const tv = await displaySocket(jakarta);
		const heard = record(tv);
		const fixture = world.mpps[jakarta];
		const counted = nextEvent(tv, 'queue:changed');
		const waitingTicket = await issueTicket(db.sql, {
			mppId: fixture.id,
			serviceId: fixture.services.c,
			actor: {}
		});
		expect((await counted).waiting[fixture.services.c]).toBe(1);

		const call = nextEvent(tv, 'ticket:called');
		const { called } = await issueAndCall(jakarta, 'a', 'one');
		expect((await call).call.number).toBe(called.ticket!.number);

		const everything = JSON.stringify(heard);
		expect(heard.map((e) => e.name)).toEqual(['queue:changed', 'queue:changed', 'ticket:called']);
		expect(everything).not.toContain(waitingTicket.ticket.number);
		expect(everything).not.toContain(waitingTicket.ticket.trackCode);
		// staff answers carry no track code (issue 10 item 4): the called ticket's code from the database
		const [{ track_code: calledCode }] = await db.sql<{ track_code: string }[]>`
			SELECT track_code FROM tickets WHERE id = ${called.ticket!.id}`;
		expect(everything).not.toContain(calledCode);
		// finish today's open work so later tests start from a known queue
		await callNext(db.sql, { counterId: fixture.counters.three, actor: {} });
	});

	it('a display device cannot join staff rooms, counters or another MPP, but reads its own snapshot', async () => {
		const tv = await displaySocket(jakarta);
		const own = world.mpps[jakarta];
		const other = world.mpps[makassar];
		expect(code(await join(tv, { room: 'staff', mppId: own.id }))).toBe('forbidden');
		expect(code(await join(tv, { room: 'display', mppId: other.id }))).toBe('forbidden');
		expect(code(await join(tv, { room: 'counter', counterId: own.counters.one }))).toBe('forbidden');
		expect(code(await join(tv, { room: 'ministry' }))).toBe('forbidden');
		expect(code(await join(tv, { room: 'display', mppId: own.id }))).toBe('ok');

		const staff = await tv.timeout(10_000).emitWithAck('snapshot:get', { room: 'staff', mppId: own.id });
		expect(code(staff)).toBe('forbidden');
		const foreign = await tv
			.timeout(10_000)
			.emitWithAck('snapshot:get', { room: 'display', mppId: other.id });
		expect(code(foreign)).toBe('forbidden');
		const snapshot = await tv.timeout(10_000).emitWithAck('snapshot:get', { room: 'display', mppId: own.id });
		expect('data' in snapshot && snapshot.data).toMatchObject({
			kind: 'display',
			mpp: { slug: 'jakarta-uji' }
		});
	});

	it('a TV app authenticates with its device token as a bearer token', async () => {
		const tv = client(server.url, { token: world.mpps[makassar].devices.display.token });
		await connected(tv);
		const call = nextEvent(tv, 'ticket:called');
		await issueAndCall(makassar);
		expect((await call).mppId).toBe(world.mpps[makassar].id);
	});
});

describe('staff and counter rooms', () => {
	it('an operator follows their own counters and MPP, never another MPP or an unassigned counter', async () => {
		const own = world.mpps[jakarta];
		const other = world.mpps[makassar];
		const operator = await userSocket(own.users.operator.id);
		expect(code(await join(operator, { room: 'counter', counterId: own.counters.one }))).toBe('ok');
		expect(code(await join(operator, { room: 'counter', counterId: own.counters.two }))).toBe('forbidden');
		expect(code(await join(operator, { room: 'counter', counterId: other.counters.one }))).toBe('forbidden');
		expect(code(await join(operator, { room: 'staff', mppId: own.id }))).toBe('ok');
		expect(code(await join(operator, { room: 'staff', mppId: other.id }))).toBe('forbidden');
		expect(code(await join(operator, { room: 'display', mppId: other.id }))).toBe('forbidden');
		expect(code(await join(operator, { room: 'ministry' }))).toBe('forbidden');
	});

	it('managers, supervisors, the ministry and the superadmin get exactly their rooms', async () => {
		const own = world.mpps[jakarta];
		const other = world.mpps[makassar];
		const admin = await userSocket(own.users.mpp_admin.id);
		expect(code(await join(admin, { room: 'counter', counterId: own.counters.two }))).toBe('ok');
		expect(code(await join(admin, { room: 'counter', counterId: other.counters.two }))).toBe('forbidden');
		expect(code(await join(admin, { room: 'display', mppId: own.id }))).toBe('ok');
		const supervisor = await userSocket(own.users.supervisor.id);
		expect(code(await join(supervisor, { room: 'staff', mppId: own.id }))).toBe('ok');
		expect(code(await join(supervisor, { room: 'counter', counterId: own.counters.one }))).toBe('forbidden');
		const ministry = await userSocket(world.ministry.id);
		expect(code(await join(ministry, { room: 'ministry' }))).toBe('ok');
		expect(code(await join(ministry, { room: 'staff', mppId: own.id }))).toBe('forbidden');
		const superadmin = await userSocket(world.superadmin.id);
		expect(code(await join(superadmin, { room: 'staff', mppId: other.id }))).toBe('ok');
		expect(code(await join(superadmin, { room: 'counter', counterId: other.counters.three }))).toBe('ok');
	});

	it('the staff room gets the full ticket; the operator in both staff and counter rooms gets each event once', async () => {
		const own = world.mpps[jakarta];
		const operator = await userSocket(own.users.operator.id);
		expect(code(await join(operator, { room: 'staff', mppId: own.id }))).toBe('ok');
		expect(code(await join(operator, { room: 'counter', counterId: own.counters.three }))).toBe('ok');
		const heard = record(operator);
		const call = nextEvent(operator, 'ticket:called');
		const { called } = await issueAndCall(jakarta, 'c', 'three');
		const event = await call;
		expect('ticket' in event && event.ticket).toMatchObject({ id: called.ticket!.id, status: 'called' });
		expect(heard.map((e) => e.name)).toEqual(['ticket:issued', 'ticket:called']);
	});
});

describe('ticket room and bad input', () => {
	it('anyone with the tracking code follows that ticket, and nothing else', async () => {
		const phone = await anonymousSocket();
		const fixture = world.mpps[makassar];
		const issued = await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services.c, actor: {} });
		expect(code(await join(phone, { room: 'ticket', trackCode: issued.ticket.trackCode }))).toBe('ok');
		expect(code(await join(phone, { room: 'display', mppId: fixture.id }))).toBe('forbidden');
		expect(code(await join(phone, { room: 'staff', mppId: fixture.id }))).toBe('forbidden');

		const update = nextEvent(phone, 'ticket:tracked');
		await callNext(db.sql, { counterId: fixture.counters.three, actor: {} });
		expect((await update).ticket).toMatchObject({
			trackCode: issued.ticket.trackCode,
			status: 'called',
			counterName: 'Loket 3'
		});
	});

	it('answers malformed requests with an error, and the connection keeps working', async () => {
		const socket = await displaySocket(jakarta);
		const bad: unknown[] = [
			undefined,
			null,
			'display',
			42,
			[],
			{},
			{ room: 'lobby' },
			{ room: 'staff' },
			{ room: 'staff', mppId: 'not-a-uuid' },
			{ room: 'counter', counterId: 7 },
			{ room: 'ticket', trackCode: '../../etc' },
			{ room: 'ticket', trackCode: 'x'.repeat(10_000) }
		];
		for (const payload of bad)
			expect(code(await join(socket, payload)), JSON.stringify(payload)).toBe('invalid_payload');
		const badSnapshot = await socket.timeout(10_000).emitWithAck('snapshot:get', { room: 'ticket' } as never);
		expect(code(badSnapshot)).toBe('invalid_payload');

		// no ack callback, or the callback in place of the payload: nothing to answer, nothing breaks
		socket.emit('room:join', { room: 'staff', mppId: world.mpps[jakarta].id } as never, undefined as never);
		const onlyCallback = await new Promise<Ack<unknown>>((resolve) =>
			(socket.emit as (event: string, ack: (r: Ack<unknown>) => void) => void)('room:join', resolve)
		);
		expect(code(onlyCallback)).toBe('invalid_payload');
		expect(socket.connected).toBe(true);
		expect(code(await join(socket, { room: 'display', mppId: world.mpps[jakarta].id }))).toBe('ok');
	});

	it('refuses a socket opened from a foreign web page, and allows the site itself', async () => {
		const token = world.mpps[jakarta].devices.display.token;
		const foreign = client(server.url, { origin: 'https://evil.example', cookie: `antrean_device=${token}` });
		await expect(connected(foreign)).rejects.toThrow();
		expect(foreign.connected).toBe(false);

		const own = client(server.url, { origin: server.url, cookie: `antrean_device=${token}` });
		await connected(own);
		expect(own.connected).toBe(true);
	});

	it('after sign-out the sockets of that session end and return anonymous; a device can be cut off too', async () => {
		const fixture = world.mpps[jakarta];
		const { token, sessionId } = await createSession(db.sql, fixture.users.supervisor.id);
		const manager = client(server.url, { cookie: `antrean_session=${token}` });
		await connected(manager);
		const tv = await displaySocket(jakarta);
		const managerGone = new Promise((resolve) => manager.once('disconnect', resolve));
		const tvGone = new Promise((resolve) => tv.once('disconnect', resolve));
		await invalidateSession(db.sql, sessionId);
		await sendDisconnect(db.sql, { sessions: [sessionId], devices: [fixture.devices.display.id] });
		expect(await managerGone).toBe('io server disconnect');
		expect(await tvGone).toBe('io server disconnect');

		manager.connect();
		await connected(manager);
		expect(code(await join(manager, { room: 'staff', mppId: fixture.id }))).toBe('forbidden');
	});
});
