// Turns what the queue engine did into socket.io room events, after its transaction committed.
import type { Outcome } from '../queue/outcome';
import { fanout } from './fanout';
import { figuresOf } from './figures-room';
import { getIo } from './io';
import { rooms } from './rooms';
import { positions } from './positions';
import { movedServices } from './service-hints';

/** No-op without a socket.io server (CLIs, tests without one): the database stays the truth. */
export function publish(outcome: Outcome | null | undefined): void {
	const io = getIo();
	if (!io || !outcome) return;
	for (const { rooms, event, payload } of fanout(outcome)) {
		// fanout pairs each event with its own payload type; TypeScript cannot follow that correlation
		(io.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);
	}
	for (const serviceId of movedServices(outcome)) positions().moved(serviceId);
	figuresOf(io).changed(outcome.mppId);
}

/**
 * Ends the sockets of a session (logout, deactivated user) or a device (revoked, re-paired): the
 * handshake authenticated them once, and they would otherwise keep receiving their rooms' events.
 */
export function disconnectSession(sessionId: string): void {
	getIo()?.in(rooms.session(sessionId)).disconnectSockets(true);
}

export function disconnectDevice(deviceId: string): void {
	getIo()?.in(rooms.device(deviceId)).disconnectSockets(true);
}
