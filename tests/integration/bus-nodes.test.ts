// Two real server processes on one database (issue 11): what one node, or another process, changes is
// heard by the sockets of every node, exactly when it commits, and the cluster-wide beats run once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { revokeDevice } from '../../src/lib/server/admin/devices';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import { insertDevice } from '../../src/lib/server/db/devices';
import { send, sendOutcome, sendOutcomes } from '../../src/lib/server/bus/send';
import { issueTicket } from '../../src/lib/server/queue';
import type { OutcomeTicket } from '../../src/lib/server/queue/outcome';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { createWorld, mppAdminActor, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, connected, nextEvent, record } from './realtime-harness';

let db: TestDatabase;
let world: World;
let nodeA: AppServer;
let nodeB: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const env = { ANTREAN_MINISTRY_PULSE_MS: '300' };
	[nodeA, nodeB] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
	await waitForListeners(db.sql, 2);
}, 120_000);

afterEach(() => closeClients());

afterAll(async () => {
	await Promise.all([nodeA?.stop(), nodeB?.stop()]);
	await db?.drop();
});

async function joined(socket: ClientSocket, request: Record<string, string>): Promise<ClientSocket> {
	await connected(socket);
	const answer = await socket.emitWithAck('room:join', request as never);
	expect(answer).toHaveProperty('data');
	return socket;
}

function tv(node: AppServer, mpp = world.mpps[0]): Promise<ClientSocket> {
	const socket = client(node.url, { cookie: `antrean_device=${mpp.devices.display.token}` });
	return joined(socket, { room: 'display', mppId: mpp.id });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('one system on two nodes', () => {
	it('a TV on node B hears all 20 calls made through node A, in order, each once', async () => {
		const mpp = world.mpps[0];
		const screen = await tv(nodeB);
		const heard = record(screen);
		for (let i = 0; i < 20; i++) {
			await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor: {} });
		}
		const token = await signIn(nodeA.url, mpp.users.operator.email, PASSWORD);
		const numbers: string[] = [];
		for (let i = 0; i < 20; i++) {
			const response = await fetch(`${nodeA.url}/api/v1/counters/${mpp.counters.three}/call-next`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}` }
			});
			expect(response.status).toBe(200);
			numbers.push(((await response.json()) as { ticket: { number: string } }).ticket.number);
		}
		const calls = () => heard.filter((e) => e.name === 'ticket:called');
		const deadline = Date.now() + 10_000;
		while (calls().length < 20 && Date.now() < deadline) await sleep(50);
		await sleep(300);
		const payloads = calls().map((e) => e.payload as { seq: number; call: { number: string } });
		expect(payloads.map((p) => p.call.number)).toEqual(numbers);
		const seqs = payloads.map((p) => p.seq);
		expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
	});

	it('another process (a CLI, the simulator) is heard by the sockets of both nodes', async () => {
		const mpp = world.mpps[1];
		const [onA, onB] = await Promise.all([tv(nodeA, mpp), tv(nodeB, mpp)]);
		const changed = (s: ClientSocket) => nextEvent(s, 'queue:changed', (e) => e.mppId === mpp.id);
		const both = Promise.all([changed(onA), changed(onB)]);
		const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
		const [a, b] = await both;
		expect(a.seq).toBe(issued.outcome.seq);
		expect(b).toEqual(a);
	});

	it('signing out through node A ends the sockets of that session on node B', async () => {
		const mpp = world.mpps[0];
		const token = await signIn(nodeA.url, mpp.users.supervisor.email, PASSWORD);
		const console = client(nodeB.url, { token });
		await joined(console, { room: 'staff', mppId: mpp.id });
		const gone = new Promise((resolve) => console.once('disconnect', resolve));
		const response = await fetch(`${nodeA.url}/api/v1/session`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(204);
		expect(await gone).toBe('io server disconnect');
	});

	it('revoking a TV (here from another process) disconnects it on whichever node it is', async () => {
		const mpp = world.mpps[1];
		const token = generateToken();
		const device = await insertDevice(db.sql, {
			mppId: mpp.id,
			kind: 'display',
			name: 'TV lantai 2',
			tokenHash: hashToken(token)
		});
		const screen = await joined(client(nodeA.url, { cookie: `antrean_device=${token}` }), {
			room: 'display',
			mppId: mpp.id
		});
		const gone = new Promise((resolve) => screen.once('disconnect', resolve));
		await revokeDevice(db.sql, mppAdminActor(mpp), mpp.id, device.id);
		expect(await gone).toBe('io server disconnect');
	});
});

describe('events leave with the commit', () => {
	const configured = (mppId: string) => ({
		mppId,
		at: new Date().toISOString(),
		change: { type: 'mpp:configured' as const },
		waiting: {}
	});

	it('nothing is heard while the transaction is open, nor ever after a rollback; a commit is heard', async () => {
		const mpp = world.mpps[0];
		const token = await signIn(nodeA.url, mpp.users.supervisor.email, PASSWORD);
		const console = await joined(client(nodeB.url, { token }), { room: 'staff', mppId: mpp.id });
		const heard = record(console);
		await db.sql
			.begin(async (tx) => {
				await sendOutcome(tx, configured(mpp.id));
				await sleep(700);
				expect(heard).toEqual([]);
				throw new Error('roll back');
			})
			.catch((error: Error) => expect(error.message).toBe('roll back'));
		await sleep(700);
		expect(heard).toEqual([]);

		let seq = 0;
		const arrived = nextEvent(console, 'mpp:configured');
		await db.sql.begin(async (tx) => {
			seq = await sendOutcome(tx, configured(mpp.id));
			await sleep(500);
			expect(heard).toEqual([]);
		});
		expect((await arrived).seq).toBe(seq);
	});

	it('a message beyond a NOTIFY payload (8000 bytes) arrives whole through bus_messages', async () => {
		const mpp = world.mpps[1];
		const [onA, onB] = await Promise.all([tv(nodeA, mpp), tv(nodeB, mpp)]);
		const text = 'Selamat datang di Mal Pelayanan Publik. '.repeat(300);
		const shown = Promise.all([onA, onB].map((s) => nextEvent(s, 'display:message')));
		await send(db.sql, { kind: 'running-text', mppId: mpp.id, text });
		for (const event of await shown) expect(event.runningText).toBe(text);

		// an Outcome too: the day-end sweep expiring hundreds of tickets at once
		const tickets = Array.from({ length: 120 }, (_, i) => fakeTicket(mpp.id, mpp.services.a, i));
		const expired = Promise.all([onA, onB].map((s) => nextEvent(s, 'ticket:expired')));
		const seq = await sendOutcome(db.sql, {
			mppId: mpp.id,
			at: new Date().toISOString(),
			change: { type: 'ticket:expired', tickets, counterIds: [] },
			waiting: { [mpp.services.a]: 0 }
		});
		for (const event of await expired) {
			expect(event.seq).toBe(seq);
			expect(event.ticketIds).toEqual(tickets.map((t) => t.id));
		}
		const [{ count }] = await db.sql<{ count: number }[]>`SELECT count(*)::int AS count FROM bus_messages`;
		expect(count).toBeGreaterThanOrEqual(2);
	});

	it("a batch's outcomes leave in one statement: every node hears them in seq order, a large one among them", async () => {
		// the calls of a batch send their outcomes so (queue/mpp-batch.ts)
		const mpp = world.mpps[1];
		const screens = await Promise.all([tv(nodeA, mpp), tv(nodeB, mpp)]);
		const heard = screens.map(record);
		const tickets = Array.from({ length: 120 }, (_, i) => fakeTicket(mpp.id, mpp.services.b, i));
		const expired = {
			mppId: mpp.id,
			at: new Date().toISOString(),
			change: { type: 'ticket:expired' as const, tickets, counterIds: [] },
			waiting: { [mpp.services.b]: 0 }
		};
		const drafts = [configured(mpp.id), expired, configured(mpp.id), configured(mpp.id)];
		const seqs = await db.sql.begin((tx) => sendOutcomes(tx, mpp.id, drafts));
		expect(seqs).toEqual([0, 1, 2, 3].map((i) => seqs[0] + i));
		for (const seen of heard) {
			await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(4);
			expect(seen.map((e) => [e.name, (e.payload as { seq: number }).seq])).toEqual([
				['mpp:configured', seqs[0]],
				['ticket:expired', seqs[1]],
				['mpp:configured', seqs[2]],
				['mpp:configured', seqs[3]]
			]);
		}
		// outcomes of another MPP cannot join: their seqs are another row's
		expect(() => sendOutcomes(db.sql, mpp.id, [configured(world.mpps[0].id)])).toThrow();
	});
});

describe('timers run once per cluster', () => {
	it("the ministry's live figures are computed once per beat, and both nodes' ministry sockets get the same", async () => {
		const token = await signIn(nodeA.url, world.ministry.email, PASSWORD);
		const sockets = await Promise.all(
			[nodeA, nodeB].map((node) => joined(client(node.url, { token }), { room: 'ministry' }))
		);
		const pulses = sockets.map((socket) => {
			const at: string[] = [];
			socket.on('ministry:today', (event) => at.push(event.at));
			return at;
		});
		await sleep(3000);
		const [onA, onB] = pulses;
		expect(onA.length).toBeGreaterThanOrEqual(3);
		// computed on one node per beat and relayed: the same figures, not one computation per node
		const common = onA.filter((at) => onB.includes(at));
		expect(common.length).toBeGreaterThanOrEqual(Math.min(onA.length, onB.length) - 1);
		expect(new Set(onA).size).toBe(onA.length);
	});
});

describe('the queue path stays exact across nodes', () => {
	it('calls pressed through both nodes at once never call a ticket twice, and every TV hears each', async () => {
		const mpp = world.mpps[1];
		for (let i = 0; i < 30; i++) {
			await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor: {} });
		}
		const screen = await tv(nodeA, mpp);
		const heard = record(screen);
		const token = await signIn(nodeB.url, mpp.users.operator.email, PASSWORD);
		const answers = await Promise.all(
			Array.from({ length: 30 }, async (_, i) => {
				const node = i % 2 ? nodeA : nodeB;
				const response = await fetch(`${node.url}/api/v1/counters/${mpp.counters.three}/call-next`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}` }
				});
				expect(response.status).toBe(200);
				return ((await response.json()) as { ticket: { id: string } | null }).ticket;
			})
		);
		const ids = answers.flatMap((ticket) => (ticket ? [ticket.id] : []));
		expect(ids).toHaveLength(30);
		expect(new Set(ids).size).toBe(30);
		const deadline = Date.now() + 10_000;
		const calls = () => heard.filter((e) => e.name === 'ticket:called');
		while (calls().length < 30 && Date.now() < deadline) await sleep(50);
		expect(new Set(calls().map((e) => (e.payload as { call: { ticketId: string } }).call.ticketId))).toEqual(
			new Set(ids)
		);
	});
});

function fakeTicket(mppId: string, serviceId: string, i: number): OutcomeTicket {
	return {
		id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
		trackCode: `KODE${String(i).padStart(6, '0')}`,
		mppId,
		number: `A${String(i).padStart(3, '0')}`,
		serviceId,
		serviceName: 'KTP-el',
		status: 'expired',
		priorityGroup: null,
		issuedAt: new Date().toISOString(),
		localDate: '2026-12-04',
		callCount: 0,
		firstCalledAt: null,
		calledAt: null,
		startedAt: null,
		finishedAt: null,
		counterId: null,
		counterName: null
	};
}
