// Lobby announcements play one at a time, in the order the calls happened: a call that arrives
// while another is being spoken waits for it to finish, so none is cut off or dropped.

export interface Announcer<T> {
	/** Queue an announcement; resolves when it has been played (or failed). */
	enqueue(item: T): Promise<void>;
	/** Items waiting behind the one playing now. */
	readonly pending: number;
	readonly playing: boolean;
}

/**
 * `play` performs one announcement (chime + speech) and resolves when it is over. A failure of one
 * announcement (no voice, audio blocked) is reported to `onError` and the queue moves on.
 */
export function createAnnouncer<T>(
	play: (item: T) => Promise<void>,
	onError?: (error: unknown, item: T) => void
): Announcer<T> {
	const queue: { item: T; done: () => void }[] = [];
	let playing = false;

	async function drain() {
		if (playing) return;
		playing = true;
		while (queue.length) {
			const { item, done } = queue.shift()!;
			try {
				await play(item);
			} catch (error) {
				onError?.(error, item);
			}
			done();
		}
		playing = false;
	}

	return {
		enqueue(item) {
			return new Promise<void>((resolve) => {
				queue.push({ item, done: resolve });
				void drain();
			});
		},
		get pending() {
			return queue.length;
		},
		get playing() {
			return playing;
		}
	};
}
