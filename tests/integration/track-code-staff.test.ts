// Track codes stay with the citizen (issue 10 item 4): staff who held every ticket's code could answer
// the surveys that rate them. Against the production server: the kiosk's issue answer still carries the
// code (it prints the slip), but no staff room event, staff snapshot, counter console load, dashboard
// load or answer of a staff API call contains it anywhere; the citizen's own room still hears it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Snapshot } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, connected, nextEvent, record } from './realtime-harness';

let db: TestDatabase;
let app: AppServer;
let world: World;
let operator: string;
let supervisor: string;
let admin: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	const [a] = world.mpps;
	operator = await signIn(app.url, a.users.operator.email, PASSWORD);
	supervisor = await signIn(app.url, a.users.supervisor.email, PASSWORD);
	admin = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
});
afterEach(() => closeClients());
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function api(token: string | { device: string }, method: string, path: string, body?: unknown) {
	const headers: Record<string, string> =
		typeof token === 'string'
			? { authorization: `Bearer ${token}` }
			: { cookie: `antrean_device=${token.device}` };
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${app.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : null;
	return { status: response.status, text, json };
}

/** Resolves once a `ticket:finished` of that ticket is among the recorded events. */
function heardFinish(heard: { name: string; payload: unknown }[], ticketId: string): Promise<void> {
	const done = () =>
		heard.some(
			(e) => e.name === 'ticket:finished' && (e.payload as { ticket: { id: string } }).ticket.id === ticketId
		);
	return new Promise((resolve) => {
		const check = () => (done() ? resolve() : setTimeout(check, 20));
		check();
	});
}

async function joined(token: string, request: unknown): Promise<ClientSocket> {
	const socket = client(app.url, { token, origin: app.url });
	await connected(socket);
	const ack: Ack<{ room: string }> = await socket.timeout(10_000).emitWithAck('room:join', request as never);
	expect(ack).not.toHaveProperty('error');
	return socket;
}

describe('track codes never reach staff', () => {
	it('rooms, snapshots, console and dashboard loads and API answers carry no track code', async () => {
		const a = world.mpps[0];
		const staffRoom = await joined(supervisor, { room: 'staff', mppId: a.id });
		const counterRoom = await joined(operator, { room: 'counter', counterId: a.counters.one });
		const heardByStaff = record(staffRoom);
		const heardAtCounter = record(counterRoom);

		// the kiosk issues two tickets: its answer carries the code, for the slip
		const codes: string[] = [];
		const ids: string[] = [];
		for (let i = 0; i < 2; i++) {
			const issued = await api({ device: a.devices.kiosk.token }, 'POST', `/api/v1/mpps/${a.slug}/tickets`, {
				serviceId: a.services.a
			});
			expect(issued.status).toBe(201);
			expect(issued.json.trackCode).toMatch(/^[a-z0-9]{10}$/);
			codes.push(issued.json.trackCode);
			ids.push(issued.json.id);
		}
		// the citizen's phone still follows its ticket by the code
		const phone = client(app.url, { origin: app.url });
		await connected(phone);
		const follow = await phone.timeout(10_000).emitWithAck('ticket:follow', { trackCode: codes[0] });
		expect(follow).not.toHaveProperty('error');
		const phoneCalled = nextEvent(phone, 'ticket:tracked', (e) => e.ticket.status === 'called');

		const answers: string[] = [];
		const act = async (method: string, path: string, body?: unknown) => {
			const answer = await api(operator, method, path, body);
			expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(300);
			answers.push(answer.text);
			return answer;
		};
		const first = await act('POST', `/api/v1/counters/${a.counters.one}/call-next`);
		expect(first.json.ticket.id).toBe(ids[0]);
		expect((await phoneCalled).ticket.trackCode).toBe(codes[0]);
		await act('POST', `/api/v1/tickets/${ids[0]}/recall`);
		await act('POST', `/api/v1/tickets/${ids[0]}/start`);
		// finishes the first and calls the second
		await act('POST', `/api/v1/counters/${a.counters.one}/call-next`);
		await act('POST', `/api/v1/tickets/${ids[1]}/transfer`, { serviceId: a.services.b });
		await act('POST', `/api/v1/counters/${a.counters.one}/status`, { status: 'paused' });
		await act('POST', `/api/v1/counters/${a.counters.one}/status`, { status: 'open' });
		await act('POST', `/api/v1/counters/${a.counters.one}/call-next`);
		await act('POST', `/api/v1/tickets/${ids[1]}/finish`);
		// the last event reached both rooms (events arrive in order, so everything before it did too)
		await Promise.all([heardAtCounter, heardByStaff].map((heard) => heardFinish(heard, ids[1])));

		// a staff snapshot, with a ticket at the counter
		const third = await api({ device: a.devices.kiosk.token }, 'POST', `/api/v1/mpps/${a.slug}/tickets`, {
			serviceId: a.services.c
		});
		codes.push(third.json.trackCode);
		await act('POST', `/api/v1/counters/${a.counters.three}/call-next`);
		const snapshot: Ack<Snapshot> = await staffRoom
			.timeout(10_000)
			.emitWithAck('snapshot:get', { room: 'staff', mppId: a.id });
		expect(JSON.stringify(snapshot)).toContain(third.json.id);

		const loads = await Promise.all(
			[
				[operator, `/counter/__data.json?c=${a.counters.three}`],
				[operator, `/counter?c=${a.counters.three}`],
				[admin, `/counter/__data.json?c=${a.counters.three}`],
				[supervisor, `/manage/${a.slug}/__data.json`],
				[supervisor, `/manage/${a.slug}`]
			].map(async ([token, path]) => {
				const response = await api(token, 'GET', path);
				expect(response.status, path).toBe(200);
				return response.text;
			})
		);
		expect(loads[0]).toContain(third.json.id);

		expect(heardByStaff.map((e) => e.name)).toContain('ticket:called');
		expect(heardAtCounter.map((e) => e.name)).toContain('ticket:finished');
		const everything = JSON.stringify([heardByStaff, heardAtCounter, snapshot, answers, loads]);
		for (const code of codes) expect(everything).not.toContain(code);
		expect(everything).not.toContain('trackCode');
	});
});
