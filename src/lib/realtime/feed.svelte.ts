// A live MPP view for Svelte components: the snapshot with every event applied, and the connection
// state for a "reconnecting" banner. Start it in an effect so it stops with the component:
//   const feed = new MppFeed('display', data.mppId, data.snapshot);
//   $effect(() => feed.start());
import type { Delta } from './apply';
import type { AckError, DisplaySnapshot, MppRoom, StaffSnapshot } from './events';
import { followMpp, type ConnectionState } from './follow';
import { connectSocket } from './socket';

type SnapshotOf<R extends MppRoom> = R extends 'display' ? DisplaySnapshot : StaffSnapshot;

export class MppFeed<R extends MppRoom> {
	/** replaced as a whole on every change, so raw state is enough and cheap on a TV */
	snapshot = $state.raw<SnapshotOf<R> | null>(null);
	connection = $state<ConnectionState>('connecting');
	error = $state<AckError | null>(null);
	/** the server refused this client for good (`device_revoked`): it stopped reconnecting */
	refused = $state<string | null>(null);

	readonly room: R;
	readonly mppId: string;

	constructor(room: R, mppId: string, initial: SnapshotOf<R> | null = null) {
		this.room = room;
		this.mppId = mppId;
		// first paint from `load`; the socket's own snapshot replaces it once joined
		this.snapshot = initial;
	}

	/** Connects and follows; returns the function that stops and disconnects. */
	start(options: { token?: string; onEvent?: (delta: Delta) => void } = {}): () => void {
		const socket = connectSocket({ token: options.token });
		const follow = followMpp({
			socket,
			room: this.room,
			mppId: this.mppId,
			onSnapshot: (snapshot) => {
				this.snapshot = snapshot;
				this.error = null;
			},
			onState: (state) => (this.connection = state),
			onError: (error) => (this.error = error),
			onRefused: (code) => {
				this.refused = code;
				socket.disconnect();
			},
			onEvent: options.onEvent
		});
		return () => {
			follow.stop();
			socket.disconnect();
		};
	}
}
