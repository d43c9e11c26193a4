// HAProxy in front of the nodes sends a request again, to another node, when its node went away
// without answering (restart, kill -9): safe for what carries an Idempotency-Key (the node answers the
// second try from the key) and for reads, not for a POST without a key, such as a form: it could run
// twice. Two stand-in nodes here close the connection on every request without answering, and count what
// reached them, behind HAProxy with the shipped configuration (server/haproxy/antrean.cfg.template).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHaproxy, type RunningHaproxy } from '../../server/cluster/haproxy';
import { freePort } from '../../server/database';

let haproxy: RunningHaproxy;
const nodes: Server[] = [];
const reached: string[] = [];

beforeAll(async () => {
	for (let i = 0; i < 2; i++) {
		const node = createServer((req, res) => {
			if (req.url === '/readyz') return res.end('ok');
			reached.push(`${req.method} ${req.url}`);
			// the node dies under the request: no status line, no byte (HAProxy's "empty response")
			req.resume();
			req.on('end', () => req.socket.destroy());
		});
		await new Promise<void>((resolve) => node.listen(0, '127.0.0.1', resolve));
		nodes.push(node);
	}
	haproxy = await startHaproxy({
		port: await freePort(),
		nodes: nodes.map((node, i) => ({
			name: `node${i + 1}`,
			host: '127.0.0.1',
			port: (node.address() as AddressInfo).port
		}))
	});
	// both nodes UP before the first request, so a retry has somewhere to go
	for (let tries = 0; tries < 100; tries++) {
		const stats = await haproxy.nodeStats();
		if (Object.values(stats).filter((s) => s.status === 'UP').length === 2) break;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}, 30_000);
afterAll(async () => {
	await haproxy?.stop();
	await Promise.all(nodes.map((node) => new Promise((resolve) => node.close(resolve))));
});

async function send(method: string, path: string, headers: Record<string, string> = {}) {
	reached.length = 0;
	// after its last try HAProxy may pass the empty response on (the connection closes): status 0
	const status = await fetch(haproxy.url + path, {
		method,
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: method === 'POST' ? 'status=paused' : undefined
	}).then(
		async (response) => (await response.arrayBuffer(), response.status),
		() => 0
	);
	return { status, reached: [...reached] };
}

describe('HAProxy retries after a node went away without answering', () => {
	it('never sends a POST without an Idempotency-Key a second time', async () => {
		const { status, reached } = await send('POST', '/operator/counter?/status');
		expect([502, 0]).toContain(status);
		expect(reached).toEqual(['POST /operator/counter?/status']);
	});

	it('sends a keyed POST again, to the other node: the key makes the second try safe', async () => {
		const { reached } = await send('POST', '/api/v1/counters/x/call-next', {
			'idempotency-key': 'retry-test-1'
		});
		expect(reached.length).toBeGreaterThan(1);
		expect(new Set(reached)).toEqual(new Set(['POST /api/v1/counters/x/call-next']));
	});

	it('sends a read again: nothing changes by reading twice', async () => {
		const { reached } = await send('GET', '/api/v1/mpps');
		expect(reached.length).toBeGreaterThan(1);
	});
});
