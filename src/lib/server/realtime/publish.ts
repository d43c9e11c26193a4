// What this node does with a message from the bus (issue 11): room events for its own sockets only.
// Every node hears every message, so emitting through the adapter as well would deliver twice.
import { outcomeOf, type BusMessage } from '../bus/messages';
import type { Outcome } from '../queue/outcome';
import { fanout } from './fanout';
import { figuresOf } from './figures-room';
import { getIo, type AppServer } from './io';
import { positions } from './positions';
import { rooms } from './rooms';
import { movedServices } from './service-hints';

/** No-op without a socket.io server (a CLI's process): the database stays the truth. */
export function deliver(message: BusMessage): void {
	const io = getIo();
	if (!io) return;
	switch (message.kind) {
		case 'outcome':
			return emitOutcome(io, outcomeOf(message));
		case 'running-text': {
			const { mppId, text } = message;
			io.local
				.to([rooms.display(mppId), rooms.staff(mppId)])
				.emit('display:message', { mppId, runningText: text });
			return;
		}
		case 'disconnect':
			// sockets opened with an ended session or a revoked device: the handshake authenticated them once
			for (const sessionId of message.sessions) io.local.in(rooms.session(sessionId)).disconnectSockets(true);
			for (const deviceId of message.devices) io.local.in(rooms.device(deviceId)).disconnectSockets(true);
			return;
		case 'ministry-today':
			io.local.to(rooms.ministry()).emit('ministry:today', message.event);
			return;
		case 'resync':
			return resyncMpp(io, message.mppId);
		case 'ping':
			return;
	}
}

function emitOutcome(io: AppServer, outcome: Outcome): void {
	for (const { rooms, event, payload } of fanout(outcome)) {
		// fanout pairs each event with its own payload type; TypeScript cannot follow that correlation
		(io.local.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);
	}
	for (const serviceId of movedServices(outcome)) positions().moved(serviceId);
	figuresOf(io).changed(outcome.mppId);
}

// An edge catching up sends a batch every few hundred ms: its MPP's screens refetch at most every 2 s,
// and once more after the last batch, so they end on the final state without a refetch per batch.
const RESYNC_EVERY_MS = 2_000;
const resyncs = new Map<string, { last: number; timer?: ReturnType<typeof setTimeout> }>();

function resyncMpp(io: AppServer, mppId: string): void {
	const state = resyncs.get(mppId) ?? { last: 0 };
	resyncs.set(mppId, state);
	const emit = () => {
		state.last = Date.now();
		state.timer = undefined;
		io.local
			.to([rooms.display(mppId), rooms.staff(mppId), rooms.figures(mppId)])
			.emit('server:resync', { at: new Date().toISOString() });
	};
	const wait = state.last + RESYNC_EVERY_MS - Date.now();
	if (wait <= 0) emit();
	else state.timer ??= setTimeout(emit, wait);
}

/**
 * After this node's listener was deaf (a database restart, a dropped link): every client here fetches a
 * fresh snapshot, since the events it missed will never come.
 */
export function resyncAll(): void {
	getIo()?.local.emit('server:resync', { at: new Date().toISOString() });
}
