// The demo simulator against a real database and a real socket.io server: citizens arrive, virtual
// operators call and serve them through the queue engine, the lobby TV receives the calls, and a
// counter where a person is working is left to that person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { startSimulator, type Simulator } from '../../src/lib/server/simulator/simulator';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import {
	client,
	closeClients,
	connected,
	record,
	startRealtimeServer,
	type RealtimeServer
} from './realtime-harness';

let db: TestDatabase;
let world: World;
let server: RealtimeServer;
let simulator: Simulator | undefined;
const logged: string[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	server = await startRealtimeServer();
});

afterAll(async () => {
	await simulator?.stop();
	closeClients();
	await server?.close();
	await db?.drop();
});

async function displaySocket(): Promise<ClientSocket> {
	const socket = client(server.url, { cookie: `antrean_device=${world.mpps[0].devices.display.token}` });
	await connected(socket);
	const ack = await socket
		.timeout(10_000)
		.emitWithAck('room:join', { room: 'display', mppId: world.mpps[0].id });
	expect(ack).toHaveProperty('data');
	return socket;
}

/** Polls the database until `done` holds, for at most `seconds` (the simulator runs on real time). */
async function until(done: () => Promise<boolean>, seconds: number): Promise<void> {
	const end = Date.now() + seconds * 1000;
	while (Date.now() < end && !(await done())) await new Promise((r) => setTimeout(r, 200));
}

describe('demo simulator', () => {
	it('runs a busy morning by itself and leaves the counter a person works at alone', async () => {
		const jakarta = world.mpps[0];
		// an operator takes Loket 3 (SKCK) before the simulator starts: a person's counter
		await issueTicket(db.sql, {
			mppId: jakarta.id,
			serviceId: jakarta.services.c,
			actor: { deviceId: jakarta.devices.kiosk.id }
		});
		const human = await callNext(db.sql, {
			counterId: jakarta.counters.three,
			actor: { userId: jakarta.users.operator.id }
		});
		expect(human.ticket).not.toBeNull();
		const tv = await displaySocket();
		const seen = record(tv);

		simulator = await startSimulator(db.sql, {
			speed: 600,
			tickMs: 100,
			startClock: '08:00',
			ticketsPerWeekday: () => 600,
			// more absent citizens than DOMAIN's 8%, so a short run surely has some
			noShowRate: 0.3,
			seed: 1,
			log: (line) => logged.push(line)
		});
		await until(async () => {
			const [row] = await db.sql`
				SELECT count(*) FILTER (WHERE status = 'done')::int AS done,
					count(*) FILTER (WHERE status = 'no_show')::int AS no_show FROM tickets`;
			return row.done >= 10 && row.no_show >= 2;
		}, 60);
		await simulator.stop();

		const byMpp = await db.sql<
			{ mpp_id: string; issued: number; done: number; no_show: number; called: number }[]
		>`
			SELECT mpp_id, count(*)::int AS issued,
				count(*) FILTER (WHERE status = 'done')::int AS done,
				count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
				count(*) FILTER (WHERE first_called_at IS NOT NULL)::int AS called
			FROM tickets GROUP BY mpp_id`;
		expect(byMpp).toHaveLength(2);
		for (const row of byMpp) {
			expect(row.issued).toBeGreaterThan(5);
			expect(row.called).toBeGreaterThan(0);
		}
		const total = (key: 'done' | 'no_show') => byMpp.reduce((sum, r) => sum + r[key], 0);
		expect(total('done')).toBeGreaterThanOrEqual(10);
		expect(total('no_show')).toBeGreaterThanOrEqual(2);

		// a no-show was called the MPP's call limit of times first (DOMAIN: absent after 3 calls)
		const noShows = await db.sql`SELECT call_count FROM tickets WHERE status = 'no_show'`;
		for (const t of noShows) expect(t.call_count).toBe(3);

		// every ticket was called at most once (recalls are separate events)
		const twice = await db.sql`
			SELECT ticket_id FROM ticket_events WHERE type = 'called' GROUP BY ticket_id HAVING count(*) > 1`;
		expect(twice).toEqual([]);

		// the person's counter: nothing happened there but what they did, their citizen is still called
		const atLoket3 = await db.sql`
			SELECT type FROM ticket_events WHERE counter_id = ${jakarta.counters.three} AND user_id IS NULL`;
		expect(atLoket3).toEqual([]);
		const [held] = await db.sql`SELECT status, counter_id FROM tickets WHERE id = ${human.ticket!.id}`;
		expect(held).toMatchObject({ status: 'called', counter_id: jakarta.counters.three });

		// the lobby TV heard the calls, none of them at Loket 3 after the person's own
		const calls = seen
			.filter((e) => e.name === 'ticket:called')
			.map((e) => e.payload as { call: { counterId: string } });
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.filter((c) => c.call.counterId === jakarta.counters.three)).toEqual([]);

		// stopped means stopped
		const [before] = await db.sql`SELECT count(*)::int AS n FROM ticket_events`;
		await new Promise((r) => setTimeout(r, 500));
		const [after] = await db.sql`SELECT count(*)::int AS n FROM ticket_events`;
		expect(after.n).toBe(before.n);
	});
});
