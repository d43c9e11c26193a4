// A TCP proxy that breaks the way networks break, for the fault tests and the edge demo's "cut the
// link" control: `freeze()` stops forwarding on every open
// connection without closing it (no FIN, no RST: a peer that went silent), while new connections
// still pass; `cut()` destroys every connection and refuses new ones until `restore()`; `latency(ms)`
// holds every answer from the target that long (a slow satellite link), in order.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
	port: number;
	/** open connections go silent; later ones work */
	freeze(): void;
	/** every connection ends, new ones are refused */
	cut(): void;
	restore(): void;
	/** answers from the target arrive this many ms late (0: at once) */
	latency(ms: number): void;
	close(): Promise<void>;
}

export async function startTcpProxy(
	target: { host: string; port: number },
	listen: { host?: string; port?: number } = {}
): Promise<TcpProxy> {
	const pairs = new Set<{ client: Socket; upstream: Socket; frozen: boolean }>();
	let refusing = false;
	let delayMs = 0;
	const server = createServer((client) => {
		if (refusing) return client.destroy();
		const upstream = connect(target.port, target.host);
		const pair = { client, upstream, frozen: false };
		pairs.add(pair);
		client.on('data', (chunk) => pair.frozen || upstream.write(chunk));
		upstream.on('data', (chunk) => {
			if (pair.frozen) return;
			if (delayMs === 0) client.write(chunk);
			else setTimeout(() => client.destroyed || client.write(chunk), delayMs);
		});
		const end = () => {
			pairs.delete(pair);
			// a frozen pair stays silent: not even the other side's end passes
			if (pair.frozen) return;
			client.destroy();
			upstream.destroy();
		};
		client.on('close', end);
		upstream.on('close', end);
		client.on('error', () => {});
		upstream.on('error', () => {});
	});
	await new Promise<void>((resolve) => server.listen(listen.port ?? 0, listen.host ?? '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		freeze() {
			for (const pair of pairs) pair.frozen = true;
		},
		cut() {
			refusing = true;
			for (const pair of pairs) {
				pair.client.destroy();
				pair.upstream.destroy();
			}
		},
		restore() {
			refusing = false;
		},
		latency(ms) {
			delayMs = ms;
		},
		async close() {
			for (const pair of pairs) {
				pair.client.destroy();
				pair.upstream.destroy();
			}
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
