// A real http.Server with socket.io attached the way server/index.ts does it, and real clients.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { attachRealtime, type Realtime } from '../../server/realtime';
import type { Ack, ServerEvent, ServerEventName, TicketFollowState } from '../../src/lib/realtime/events';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { currentBus } from '../../src/lib/server/bus/start';
import { registerRealtime } from '../../src/lib/server/realtime/register';

export interface RealtimeServer {
	url: string;
	realtime: Realtime;
	close(): Promise<void>;
}

export async function startRealtimeServer(): Promise<RealtimeServer> {
	const http = createServer((_req, res) => res.writeHead(404).end());
	const realtime = attachRealtime(http);
	registerRealtime();
	// events reach sockets through the bus: listening before the test acts, or the first ones are lost
	await currentBus()?.ready;
	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, realtime, close: () => realtime.close() };
}

export interface ClientOptions {
	/** a session or device token sent as a cookie */
	cookie?: string;
	/** a bearer token in the handshake's auth */
	token?: string;
	origin?: string;
	/** more handshake headers, such as the x-forwarded-for a proxy in front of the server would add */
	headers?: Record<string, string>;
	reconnection?: boolean;
}

const clients = new Set<ClientSocket>();

export function client(url: string, options: ClientOptions = {}): ClientSocket {
	const headers: Record<string, string> = { ...options.headers };
	if (options.cookie) headers.cookie = options.cookie;
	if (options.origin) headers.origin = options.origin;
	const socket: ClientSocket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: options.reconnection ?? false,
		reconnectionDelay: 50,
		reconnectionDelayMax: 100,
		extraHeaders: headers,
		auth: options.token ? { token: options.token } : {}
	});
	clients.add(socket);
	return socket;
}

export function closeClients(): void {
	for (const socket of clients) socket.disconnect();
	clients.clear();
}

/** Resolves once connected; rejects with the refusal when the handshake is refused. */
export function connected(socket: ClientSocket): Promise<void> {
	return new Promise((resolve, reject) => {
		if (socket.connected) return resolve();
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
}

/** The next event of that name matching `accept`, or a rejection after a generous timeout. */
export function nextEvent<E extends ServerEventName>(
	socket: ClientSocket,
	name: E,
	accept: (payload: ServerEvent<E>) => boolean = () => true,
	timeoutMs = 10_000
): Promise<ServerEvent<E>> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off(name, listener as never);
			reject(new Error(`no ${name} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (payload: ServerEvent<E>) => {
			if (!accept(payload)) return;
			clearTimeout(timer);
			socket.off(name, listener as never);
			resolve(payload);
		};
		socket.on(name, listener as never);
	});
}

/** Every event a socket receives, in arrival order. */
export function record(socket: ClientSocket): { name: string; payload: unknown }[] {
	const seen: { name: string; payload: unknown }[] = [];
	socket.onAny((name: string, payload: unknown) => seen.push({ name, payload }));
	return seen;
}

/** A phone's `ticket:follow`, with any payload (tests send crafted ones too). */
export function followTicket(socket: ClientSocket, request: unknown): Promise<Ack<TicketFollowState>> {
	return socket.timeout(10_000).emitWithAck('ticket:follow', request as never);
}

/** "ok" for a `{ data }` ack, else the error's code. */
export const ackCode = (answer: Ack<unknown>) => ('error' in answer ? answer.error.code : 'ok');
