// Issue 11: /healthz and /readyz, and what SIGTERM does to a node behind HAProxy: /readyz fails at
// once, the node keeps serving while HAProxy takes it out, its sockets reconnect by themselves to the
// other node, a request in flight finishes, and the process exits 0.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { client, closeClients, connected } from './realtime-harness';

let db: TestDatabase;
let world: World;
let cluster: TestCluster;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	cluster = await startCluster(db.url, { nodes: 2, env: { ANTREAN_DRAIN_DELAY_MS: '3000' } });
});

afterAll(async () => {
	closeClients();
	await cluster?.stop();
	await db?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
		await sleep(50);
	}
}

/** A POST whose body arrives in two parts, the second when `rest()` is called. */
function slowPost(url: string, token: string, body: string) {
	const req = request(`${url}/api/v1/mpps/${world.mpps[0].slug}/tickets`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${token}`,
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body)
		}
	});
	const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
		req.once('response', (res) => {
			let text = '';
			res.on('data', (chunk) => (text += chunk));
			res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
		});
		req.once('error', reject);
	});
	const half = Math.floor(body.length / 2);
	req.write(body.slice(0, half));
	return { answer, rest: () => req.end(body.slice(half)) };
}

describe('health and readiness', () => {
	it('/healthz says alive and /readyz ready, without credentials, through HAProxy and on each node', async () => {
		for (const base of [cluster.url, ...cluster.nodes.map((n) => n.url)]) {
			const health = await fetch(`${base}/healthz`);
			expect(health.status).toBe(200);
			expect(await health.json()).toEqual({ status: 'ok' });
			const ready = await fetch(`${base}/readyz`);
			expect(await ready.json()).toEqual({ status: 'ready' });
			expect(ready.status).toBe(200);
		}
	});
});

describe('SIGTERM drains a node', () => {
	it('fails /readyz at once, serves on, moves its sockets to the other node, finishes requests, exits 0', async () => {
		const display = world.mpps[0].devices.display.token;
		const kiosk = world.mpps[0].devices.kiosk.token;
		// leastconn spreads them over both nodes
		const sockets = Array.from({ length: 6 }, () =>
			client(cluster.url, { token: display, reconnection: true })
		);
		await Promise.all(sockets.map(connected));
		const reasons: string[][] = sockets.map(() => []);
		const reconnects = sockets.map(() => 0);
		sockets.forEach((socket, i) => {
			socket.on('disconnect', (reason) => reasons[i].push(reason));
			socket.on('connect', () => reconnects[i]++);
		});

		const node = cluster.nodes[0];
		const inFlight = slowPost(node.url, kiosk, JSON.stringify({ serviceId: world.mpps[0].services.a }));
		// the request has reached the node (headers read) before the signal
		await sleep(300);
		node.process.kill('SIGTERM');

		await until(async () => (await fetch(`${node.url}/readyz`)).status === 503, 'node /readyz 503');
		const notReady = await fetch(`${node.url}/readyz`);
		expect(notReady.headers.get('retry-after')).toBeTruthy();
		const body = (await notReady.json()) as { status: string; reasons: string[] };
		expect(body.status).toBe('not_ready');
		expect(body.reasons).toContain('draining');
		// still serving normally while HAProxy takes it out
		const services = await fetch(`${node.url}/api/v1/mpps/${world.mpps[0].slug}/services`, {
			headers: { authorization: `Bearer ${kiosk}` }
		});
		expect(services.status).toBe(200);
		await cluster.waitForState(0, 'DOWN');

		// past the drain delay the node stops listening and ends its sockets' transports
		await until(() => reasons.some((r) => r.length > 0), 'a socket of the draining node disconnected');
		inFlight.rest();
		const answer = await inFlight.answer;
		expect(answer.status, answer.body).toBe(201);
		expect(await node.exited).toBe(0);

		const moved = reasons.flatMap((r, i) => (r.length ? [i] : []));
		expect(moved.length).toBeGreaterThan(0);
		for (const i of moved) expect(reasons[i]).toEqual(['transport close']);
		await until(() => moved.every((i) => reconnects[i] >= 1 && sockets[i].connected), 'sockets reconnected');
		// each reconnected socket works on the remaining node
		for (const socket of sockets) {
			const ack = await socket
				.timeout(10_000)
				.emitWithAck('room:join', { room: 'display', mppId: world.mpps[0].id });
			expect(ack).toEqual({ data: { room: `display:${world.mpps[0].id}` } });
		}
		expect((await fetch(`${cluster.url}/readyz`)).status).toBe(200);
	}, 120_000);
});
