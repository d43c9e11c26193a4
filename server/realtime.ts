// Attach socket.io to an http.Server (production entry and the Vite dev plugin both call this).
// Only one middleware and one connection listener are installed here; they delegate to the
// handlers SvelteKit's `init` hook registers (registerRealtime), so the SvelteKit bundle owns the
// rules while this file owns the transport.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { getHandlers, setHandlers, setIo, type AppServer } from '../src/lib/server/realtime/io';
import { allowedOriginsFromEnv, isOriginAllowed } from '../src/lib/server/realtime/origin';

export interface RealtimeOptions {
	/** Extra allowed browser origins; default: ORIGIN and ANTREAN_ALLOWED_ORIGINS from the environment. */
	allowedOrigins?: Iterable<string>;
	/**
	 * False when something else also answers WebSocket upgrades on this server (Vite's HMR in dev);
	 * otherwise engine.io ends upgrades that are not its own.
	 */
	destroyUpgrade?: boolean;
}

export interface Realtime {
	io: AppServer;
	/**
	 * Disconnects every socket, stops listening on the bus, and closes the http.Server too (socket.io's
	 * own close).
	 */
	close(): Promise<void>;
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions = {}): Realtime {
	const allowed = allowedOriginsFromEnv();
	for (const origin of options.allowedOrigins ?? []) allowed.add(new URL(origin).origin);
	const hostHeader = process.env.HOST_HEADER || 'host';

	const io: AppServer = new Server(httpServer, {
		path: '/socket.io',
		// websocket only: no sticky sessions needed behind a load balancer (DESIGN "Decisions")
		transports: ['websocket'],
		serveClient: false,
		// clients only send small join and snapshot requests
		maxHttpBufferSize: 64 * 1024,
		destroyUpgrade: options.destroyUpgrade ?? true,
		allowRequest: (req, callback) => {
			const ok = isOriginAllowed(req.headers, allowed, hostHeader);
			callback(ok ? null : 'origin not allowed', ok);
		}
	});

	io.use((socket, next) => {
		const handlers = getHandlers();
		if (!handlers) return next(refusal('not_ready', 'Server is starting, try again.'));
		handlers.authenticate(socket).then(
			(refused) => next(refused ? refusal(refused.code, refused.message) : undefined),
			(error: unknown) => {
				console.error('socket authentication failed', error);
				next(refusal('unavailable', 'Authentication is unavailable, try again.'));
			}
		);
	});

	io.on('connection', (socket) => {
		const handlers = getHandlers();
		if (handlers) handlers.connection(socket);
		else socket.disconnect(true);
	});

	setIo(io);
	return {
		io,
		async close() {
			await getHandlers()?.stop?.();
			setHandlers(undefined);
			await io.close();
			setIo(undefined);
		}
	};
}

/** socket.io passes `data` to the client's connect_error, so clients can tell "retry" from "denied". */
function refusal(code: string, message: string): Error & { data: { code: string } } {
	return Object.assign(new Error(message), { data: { code } });
}
