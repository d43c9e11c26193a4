// Fault (issue 11): a node's LISTEN connection dies without telling it. Killed backend: the connection
// closes and the node listens again at once. A link that goes silent (a TCP proxy that stops
// forwarding, no FIN): only the keepalive can tell, within 15 s. Either way the node's clients are told
// to resync, and what happens afterwards reaches them again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { issueTicket } from '../../src/lib/server/queue';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { listenerPids, waitForListeners } from '../helpers/bus';
import { createWorld, type World } from '../helpers/fixtures';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, connected, nextEvent } from './realtime-harness';

let db: TestDatabase;
let world: World;
let proxy: TcpProxy;
let node: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const url = new URL(db.url);
	proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
	// the node reaches PostgreSQL only through the proxy; the test itself goes direct
	url.host = `127.0.0.1:${proxy.port}`;
	node = await startAppServer(url.toString());
	await waitForListeners(db.sql, 1);
}, 120_000);

afterEach(() => closeClients());

afterAll(async () => {
	await node?.stop();
	await proxy?.close();
	await db?.drop();
});

async function tv(): Promise<ClientSocket> {
	const mpp = world.mpps[0];
	const socket = client(node.url, { cookie: `antrean_device=${mpp.devices.display.token}` });
	await connected(socket);
	expect(await socket.emitWithAck('room:join', { room: 'display', mppId: mpp.id })).toHaveProperty('data');
	return socket;
}

/** A change made by another process; resolves with its seq once the TV heard it. */
async function heardAfterwards(screen: ClientSocket): Promise<void> {
	const mpp = world.mpps[0];
	const heard = nextEvent(screen, 'queue:changed', (e) => e.mppId === mpp.id, 10_000);
	const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
	expect((await heard).seq).toBe(issued.outcome.seq);
}

describe('a deaf bus listener', () => {
	it('whose backend is killed listens again at once and tells its clients to resync', async () => {
		const screen = await tv();
		await heardAfterwards(screen);
		const [pid] = await listenerPids(db.sql);
		const resync = nextEvent(screen, 'server:resync', () => true, 10_000);
		await db.sql`SELECT pg_terminate_backend(${pid})`;
		await resync;
		const [again] = await listenerPids(db.sql);
		expect(again).not.toBe(pid);
		await heardAfterwards(screen);
	});

	it('behind a link that went silent is detected by its keepalive within 15 s, replaced, and resynced', async () => {
		const screen = await tv();
		await heardAfterwards(screen);
		const [before] = await listenerPids(db.sql);
		const resync = nextEvent(screen, 'server:resync', () => true, 20_000);
		const frozenAt = Date.now();
		proxy.freeze();
		await resync;
		const detectedMs = Date.now() - frozenAt;
		expect(detectedMs).toBeLessThan(15_000);
		// PostgreSQL still sees the old backend (nothing told it); a second one listens now
		const pids = await listenerPids(db.sql);
		expect(pids).toContain(before);
		expect(pids.length).toBe(2);
		await heardAfterwards(screen);
	}, 30_000);
});
