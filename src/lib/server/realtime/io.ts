// The process-wide socket.io server and the handlers it delegates to, kept on globalThis because the
// production entry (server/index.ts under tsx) and the SvelteKit bundle (build/handler.js) load
// separate copies of this module; Symbol.for gives both the same slots.
import type { Server, Socket } from 'socket.io';
import type {
	AckError,
	ClientToServerEvents,
	InterServerEvents,
	ServerToClientEvents,
	SocketData
} from '../../realtime/events';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeHandlers {
	/**
	 * Runs once per handshake: sets socket.data.actor, or answers why the connection is refused.
	 * A refusal is a value, not a thrown AppError: the transport side may be a separate module
	 * graph (tsx entry vs SvelteKit bundle) where `instanceof AppError` would not hold.
	 */
	authenticate(socket: AppSocket): Promise<AckError | null>;
	connection(socket: AppSocket): void;
	/** stops what registration started (the bus listener, the beats) */
	stop?(): Promise<void>;
}

const ioKey = Symbol.for('antrean.io');
const handlersKey = Symbol.for('antrean.realtime.handlers');
type Slots = typeof globalThis & { [ioKey]?: AppServer; [handlersKey]?: RealtimeHandlers };
const slots = globalThis as Slots;

export function getIo(): AppServer | undefined {
	return slots[ioKey];
}

export function setIo(io: AppServer | undefined): void {
	slots[ioKey] = io;
}

export function getHandlers(): RealtimeHandlers | undefined {
	return slots[handlersKey];
}

/** Replaces, never adds: a second registration (dev HMR re-running `init`) cannot double handlers. */
export function setHandlers(handlers: RealtimeHandlers | undefined): void {
	slots[handlersKey] = handlers;
}
