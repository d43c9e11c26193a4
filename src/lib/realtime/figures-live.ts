// Follows one MPP's figures room (the ministry's read-only Live tab): joins on every (re)connect, and
// the server answers each join with fresh figures and pushes them again after the MPP's queue moves
// (figures-room.ts). Nothing to resync and no seq: every push is the whole picture.
import type { AckError, MppFiguresEvent } from './events';
import type { ConnectionState } from './follow';
import type { ClientSocket } from './socket';

export interface FiguresLiveOptions {
	socket: ClientSocket;
	mppId: string;
	onFigures(event: MppFiguresEvent): void;
	onState(state: ConnectionState): void;
	/** the server refused the room (signed out, not allowed): retrying will not help */
	onError(error: AckError): void;
}

export function followFigures({
	socket,
	mppId,
	onFigures,
	onState,
	onError
}: FiguresLiveOptions): () => void {
	const join = () =>
		socket.emit('room:join', { room: 'figures', mppId }, (answer) => {
			if ('error' in answer) onError(answer.error);
			else onState('live');
		});
	socket.on('connect', join);
	// the node missed bus messages (its database link dropped): a join answers with fresh figures
	socket.on('server:resync', join);
	socket.on('disconnect', () => onState('reconnecting'));
	socket.on('connect_error', () => onState('reconnecting'));
	socket.on('mpp:figures', (event) => {
		if (event.mppId === mppId) onFigures(event);
	});
	return () => socket.disconnect();
}
