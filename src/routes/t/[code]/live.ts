// Keeps a citizen's page in step with their ticket: the ticket room says when THIS ticket changed,
// the service room when others moved (so the position changed). Both only trigger a refetch of the
// page's own data, throttled and spread so a thousand phones do not refetch in the same instant.
import type { ClientSocket } from '$lib/realtime/socket';

export interface LiveOptions {
	socket: ClientSocket;
	trackCode: string;
	serviceId: () => string;
	refresh: () => Promise<unknown>;
	onState: (state: 'live' | 'reconnecting') => void;
}

// at most one refetch per this interval for queue movements, plus up to SPREAD_MS of jitter
const MOVED_INTERVAL_MS = 3000;
const SPREAD_MS = 1500;

export function followTicket({ socket, trackCode, serviceId, refresh, onState }: LiveOptions) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let timerAt = 0;
	let lastRefresh = Date.now();

	function refreshIn(delay: number) {
		const at = Date.now() + delay;
		if (timer && timerAt <= at) return;
		clearTimeout(timer);
		timerAt = at;
		timer = setTimeout(() => {
			timer = undefined;
			lastRefresh = Date.now();
			void refresh();
		}, delay);
	}

	function joinService() {
		socket.emit('room:join', { room: 'service', serviceId: serviceId(), trackCode }, () => {});
	}

	socket.on('connect', () => {
		// Changes between the page's render (or the last disconnect) and this join reached nobody:
		// one fresh read once the room is joined closes that gap, also on the first connect.
		socket.emit('room:join', { room: 'ticket', trackCode }, () => refreshIn(0));
		joinService();
		onState('live');
	});
	socket.on('disconnect', () => onState('reconnecting'));
	socket.on('connect_error', () => onState('reconnecting'));
	socket.on('ticket:updated', (event) => {
		if (event.ticket.trackCode === trackCode) refreshIn(0);
	});
	socket.on('service:moved', (event) => {
		if (event.serviceId !== serviceId()) return;
		const wait = Math.max(0, MOVED_INTERVAL_MS - (Date.now() - lastRefresh));
		refreshIn(wait + Math.random() * SPREAD_MS);
	});

	return {
		/** after a transfer the ticket belongs to another service */
		joinService: () => socket.connected && joinService(),
		stop() {
			clearTimeout(timer);
			socket.disconnect();
		}
	};
}
