// Follows one MPP room: join, fetch a snapshot, apply later events in seq order, resync on a gap,
// a reconnect or the server's `server:resync` (DESIGN "Realtime protocol"). Framework-free so it runs in a browser, a TV app or
// a test; feed.svelte.ts wraps it in runes.
import { applyDisplayDelta, applyStaffDelta, type Delta } from './apply';
import type { AckError, DisplaySnapshot, MppEventName, MppRoom, Snapshot, StaffSnapshot } from './events';
import { Sequencer } from './sequencer';
import type { ClientSocket } from './socket';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

type SnapshotOf<R extends MppRoom> = R extends 'display' ? DisplaySnapshot : StaffSnapshot;

export interface FollowOptions<R extends MppRoom> {
	socket: ClientSocket;
	room: R;
	mppId: string;
	/** every new state: the snapshot with all events applied so far */
	onSnapshot(snapshot: SnapshotOf<R>): void;
	onState?(state: ConnectionState): void;
	/** the server refused (not allowed, unknown MPP): retrying will not help */
	onError?(error: AckError): void;
	/** the handshake was refused for good (`device_revoked`): the follow stops trying to reconnect */
	onRefused?(code: string): void;
	/** each live event as it is applied, in seq order (a TV announces calls from these); events
	 * missed while offline are never replayed: the resync snapshot carries their result */
	onEvent?(delta: Delta): void;
	/** how long an out-of-order event waits for the missing one before a resync */
	holdMs?: number;
	/** how long to wait before trying again after a refused handshake or a failed request */
	retryMs?: number;
}

const roomEvents: Record<MppRoom, MppEventName[]> = {
	display: [
		'ticket:called',
		'ticket:recalled',
		'queue:changed',
		'ticket:expired',
		'display:message',
		'mpp:configured'
	],
	staff: [
		'ticket:called',
		'ticket:recalled',
		'ticket:issued',
		'ticket:started',
		'ticket:finished',
		'ticket:no-show',
		'ticket:transferred',
		'ticket:cancelled',
		'ticket:expired',
		'counter:changed',
		'display:message',
		'mpp:configured'
	]
};

// beyond this many held events a gap is not a reordering but a loss: resync at once
const MAX_HELD = 200;
const REQUEST_TIMEOUT_MS = 10_000;

type Sequenced = Delta & { seq: number };

/** Handshake refusals that no retry will change (see server/realtime.ts and realtime/authenticate.ts). */
const finalRefusals = new Set(['device_revoked']);

export function followMpp<R extends MppRoom>(options: FollowOptions<R>): { stop(): void; resync(): void } {
	const { socket, room, mppId, holdMs = 1500, retryMs = 3000 } = options;
	const apply = (room === 'display' ? applyDisplayDelta : applyStaffDelta) as unknown as (
		snapshot: SnapshotOf<R>,
		delta: Delta
	) => SnapshotOf<R>;
	const sequencer = new Sequencer<Sequenced>();
	let snapshot: SnapshotOf<R> | null = null;
	let state: ConnectionState | null = null;
	let generation = 0;
	let stopped = false;
	let holdTimer: ReturnType<typeof setTimeout> | undefined;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;

	const setState = (next: ConnectionState) => {
		if (state !== next) options.onState?.((state = next));
	};

	async function sync() {
		const current = ++generation;
		sequencer.reset();
		clearTimeout(holdTimer);
		holdTimer = undefined;
		try {
			const request = { room, mppId };
			const joined = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('room:join', request);
			if (current !== generation || stopped) return;
			if ('error' in joined) return options.onError?.(joined.error);
			const answer = await socket.timeout(REQUEST_TIMEOUT_MS).emitWithAck('snapshot:get', request);
			if (current !== generation || stopped) return;
			if ('error' in answer) return options.onError?.(answer.error);
			const held = sequencer.start(answer.data.seq);
			snapshot = held.reduce(apply, answer.data as Snapshot as SnapshotOf<R>);
			held.forEach((delta) => options.onEvent?.(delta));
			options.onSnapshot(snapshot);
			setState('live');
			watchGap();
		} catch {
			// no answer in time: try again while still connected (a disconnect resyncs anyway)
			if (current === generation && !stopped && socket.connected) retry(() => void sync());
		}
	}

	function receive(name: MppEventName, payload: Delta['payload']) {
		if (stopped || payload.mppId !== mppId) return;
		const delta = { name, payload } as Delta;
		const seq = 'seq' in payload ? payload.seq : undefined;
		if (seq === undefined) {
			// outside the sequence (an admin's running text): apply as it comes
			if (snapshot) {
				options.onEvent?.(delta);
				options.onSnapshot((snapshot = apply(snapshot, delta)));
			}
			return;
		}
		if (name === 'mpp:configured') {
			// services or counters were added, renamed or removed: no delta describes that, a snapshot does
			if (snapshot && seq > snapshot.seq) void sync();
			return;
		}
		const ready = sequencer.push({ ...delta, seq });
		if (ready.length && snapshot) {
			ready.forEach((event) => options.onEvent?.(event));
			options.onSnapshot((snapshot = ready.reduce(apply, snapshot)));
		}
		watchGap();
	}

	function watchGap() {
		if (!sequencer.gap) {
			clearTimeout(holdTimer);
			holdTimer = undefined;
		} else if (sequencer.held > MAX_HELD) {
			void sync();
		} else {
			holdTimer ??= setTimeout(() => {
				holdTimer = undefined;
				if (sequencer.gap && socket.connected) void sync();
			}, holdMs);
		}
	}

	function retry(action: () => void) {
		clearTimeout(retryTimer);
		retryTimer = setTimeout(() => !stopped && action(), retryMs);
	}

	const onConnect = () => {
		setState(snapshot ? 'reconnecting' : 'connecting');
		void sync();
	};
	const onDisconnect = (reason: string) => {
		generation++;
		sequencer.reset();
		setState('reconnecting');
		// the client reconnects by itself except after a server-side disconnect
		if (reason === 'io server disconnect') retry(() => socket.connect());
	};
	const onConnectError = (error: Error & { data?: { code?: unknown } }) => {
		const code = error?.data?.code;
		if (typeof code === 'string' && finalRefusals.has(code)) {
			// an admin revoked this device: reconnecting can never succeed, the screen says why
			clearTimeout(retryTimer);
			return options.onRefused?.(code);
		}
		setState(snapshot ? 'reconnecting' : 'connecting');
		// a refused handshake (server starting, auth unavailable) is not retried by socket.io itself
		if (!socket.active) retry(() => socket.connect());
	};
	const listeners = roomEvents[room].map((name) => {
		const listener = (payload: Delta['payload']) => receive(name, payload);
		socket.on(name, listener);
		return [name, listener] as const;
	});
	// the node missed bus messages (its database link dropped): the events it missed will never come
	const onServerResync = () => {
		if (socket.connected && !stopped) void sync();
	};
	socket.on('connect', onConnect);
	socket.on('disconnect', onDisconnect);
	socket.on('connect_error', onConnectError);
	socket.on('server:resync', onServerResync);
	if (socket.connected) onConnect();
	else setState('connecting');

	return {
		resync: () => void sync(),
		stop() {
			stopped = true;
			clearTimeout(holdTimer);
			clearTimeout(retryTimer);
			for (const [name, listener] of listeners) socket.off(name, listener);
			socket.off('connect', onConnect);
			socket.off('disconnect', onDisconnect);
			socket.off('connect_error', onConnectError);
			socket.off('server:resync', onServerResync);
			if (socket.connected) socket.emit('room:leave', { room, mppId }, () => {});
		}
	};
}
