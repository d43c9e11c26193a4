// Keeps a citizen's page in step with their ticket over the socket alone: `ticket:follow` on every
// (re)connect joins the ticket room and answers the ticket's state (the one resync), then the room's
// `ticket:tracked` (this ticket changed) and `ticket:position` (its place moved) are applied as they
// come. No HTTP after the first load: an idle phone costs the server nothing (issue 10 §1).
import type { ClientSocket } from '$lib/realtime/socket';
import {
	applyFollow,
	applyPosition,
	applyTracked,
	isOpen,
	needsFollow,
	type LiveTicket
} from './track-apply';

export type TrackConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveOptions {
	socket: ClientSocket;
	trackCode: string;
	initial: LiveTicket;
	onChange: (live: LiveTicket) => void;
	onState: (state: TrackConnection) => void;
	/** how long to wait before asking again after an unanswered follow */
	retryMs?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

export function followTicket({ socket, trackCode, initial, onChange, onState, retryMs = 3000 }: LiveOptions) {
	let live = initial;
	let generation = 0;
	let stopped = false;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;

	function set(next: LiveTicket) {
		if (next === live || stopped) return;
		const before = live;
		live = next;
		onChange(live);
		// a finished ticket changes no more: no socket to hold open
		if (!isOpen(live.status)) stop();
		else if (needsFollow(before, live)) void follow();
	}

	async function follow() {
		const current = ++generation;
		clearTimeout(retryTimer);
		try {
			const answer = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('ticket:follow', { trackCode });
			if (current !== generation || stopped) return;
			// the code was valid when the page loaded: a refusal now will not change by asking again
			if ('error' in answer) return onState('reconnecting');
			onState('live');
			set(applyFollow(live, answer.data));
		} catch {
			// no answer in time: ask again while connected (a reconnect asks anyway)
			if (current === generation && !stopped && socket.connected)
				retryTimer = setTimeout(() => void follow(), retryMs);
		}
	}

	function stop() {
		stopped = true;
		generation++;
		clearTimeout(retryTimer);
		socket.disconnect();
	}

	socket.on('connect', () => void follow());
	socket.on('disconnect', () => {
		generation++;
		if (!stopped) onState('reconnecting');
	});
	socket.on('connect_error', () => onState('reconnecting'));
	// the server's node missed events (its database link dropped): ask for the whole state again
	socket.on('server:resync', () => {
		if (!stopped) void follow();
	});
	socket.on('ticket:tracked', (event) => {
		if (event.ticket.trackCode === trackCode) set(applyTracked(live, event));
	});
	socket.on('ticket:position', (event) => {
		if (event.trackCode === trackCode) set(applyPosition(live, event));
	});
	if (socket.connected) void follow();

	return { stop };
}
