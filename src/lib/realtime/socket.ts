// The browser's socket to Antrean: websocket only, like the server (no long-polling fallback).
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Same-origin by default; cookies (session, paired device) authenticate it. A bearer `token` is for
 * clients without cookies, such as a TV app or another system.
 */
export function connectSocket(options: { url?: string; token?: string } = {}): ClientSocket {
	const settings = {
		path: '/socket.io',
		transports: ['websocket'],
		// a handshake that gets no answer is retried after 5 s instead of socket.io's 20 s: a TV whose
		// link came back must not sit on "reconnecting" for a dead attempt made while it was down
		timeout: 5000,
		auth: options.token ? { token: options.token } : {}
	};
	return options.url ? io(options.url, settings) : io(settings);
}
