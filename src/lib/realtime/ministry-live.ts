// Follows the `ministry` room: joins on every (re)connect and hands each pulse of today's national
// figures to the page. The server sends them a few seconds apart (ministry-pulse.ts); nothing to
// resync, since every pulse is the whole picture.
import type { MinistryTodayEvent } from './events';
import type { ClientSocket } from './socket';

export interface MinistryLiveOptions {
	socket: ClientSocket;
	onToday(event: MinistryTodayEvent): void;
	onState(state: 'live' | 'reconnecting'): void;
}

export function followMinistry({ socket, onToday, onState }: MinistryLiveOptions): () => void {
	socket.on('connect', () => {
		socket.emit('room:join', { room: 'ministry' }, (answer) =>
			onState('error' in answer ? 'reconnecting' : 'live')
		);
	});
	socket.on('disconnect', () => onState('reconnecting'));
	socket.on('connect_error', () => onState('reconnecting'));
	socket.on('ministry:today', onToday);
	return () => socket.disconnect();
}
