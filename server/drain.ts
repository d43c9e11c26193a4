// Graceful drain (issue 11 "Rolling restart"): a node that is asked to stop first tells the load
// balancer, then hands its sockets to other nodes, then lets its requests finish, so a rolling
// deploy costs clients nothing.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { AppServer } from '../src/lib/server/realtime/io';
import { setDraining } from '../src/lib/server/readiness';

export interface DrainOptions {
	/**
	 * How long /readyz answers 503 while the node still serves normally: long enough for the load
	 * balancer's health check to take the node out (HAProxy `inter 1s fall 2` → about 2 s).
	 */
	delayMs: number;
	/** How long in-flight requests may take to finish before their connections are closed. */
	requestTimeoutMs: number;
}

export function drainOptionsFromEnv(env: Record<string, string | undefined> = process.env): DrainOptions {
	return {
		delayMs: envMs(env, 'ANTREAN_DRAIN_DELAY_MS', 3000),
		requestTimeoutMs: envMs(env, 'ANTREAN_DRAIN_TIMEOUT_MS', 10_000)
	};
}

function envMs(env: Record<string, string | undefined>, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} must be milliseconds ≥ 0, got "${raw}"`);
	return value;
}

export interface RequestTracker {
	inFlight(): number;
	/** From now on every response ends its connection, so no keep-alive connection outlives the drain. */
	closeAfterResponses(): void;
}

/** Counts the requests being answered; install before the server listens. */
export function trackRequests(httpServer: HttpServer): RequestTracker {
	let active = 0;
	let closing = false;
	httpServer.on('request', (_req: IncomingMessage, res: ServerResponse) => {
		active++;
		if (closing) res.shouldKeepAlive = false;
		res.once('close', () => active--);
	});
	return {
		inFlight: () => active,
		closeAfterResponses: () => {
			closing = true;
		}
	};
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the node out of service; resolves once no request or socket is left. The caller then closes
 * the database pool and exits.
 */
export async function drain(
	target: { httpServer: HttpServer; io: AppServer; requests: RequestTracker; log: (line: string) => void },
	options: DrainOptions
): Promise<void> {
	const { httpServer, io, requests, log } = target;
	setDraining(true);
	log(`Draining: /readyz answers 503; serving on for ${options.delayMs} ms while the load balancer notices`);
	await sleep(options.delayMs);

	requests.closeAfterResponses();
	const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
	// Closing the engine.io transport, not socket.disconnect(true): a client treats a server-side
	// disconnect as final ("io server disconnect") but reconnects by itself after "transport close",
	// and the load balancer sends that reconnection to a node that is still ready.
	const sockets = io.of('/').sockets;
	log(`Draining: closing ${sockets.size} socket transport(s) so their clients reconnect elsewhere`);
	for (const socket of sockets.values()) socket.conn.close();

	const deadline = Date.now() + options.requestTimeoutMs;
	while (requests.inFlight() > 0 && Date.now() < deadline) await sleep(50);
	if (requests.inFlight() > 0) {
		log(
			`Draining: ${requests.inFlight()} request(s) still running after ${options.requestTimeoutMs} ms; closing them`
		);
	}
	httpServer.closeAllConnections();
	// a websocket whose client never answers the close handshake is ended by the caller's io.close()
	await Promise.race([closed, sleep(2000)]);
	log('Drained');
}
