// One task per key (an MPP), run soon after it is asked for: on the next tick when the key was quiet
// for an interval, so a change in a calm hour shows at once; otherwise at most once per interval with
// the last request trailing, so the result always reflects the latest change; and never two runs of
// one key at once. A busy MPP changes several times a second; its watchers need one fresh reading.
// (positions.ts schedules the same way for its own events; it could move onto this after the bus.)
export interface KeyedThrottle {
	request(key: string): void;
	stop(): void;
}

interface KeyState {
	timer?: ReturnType<typeof setTimeout>;
	running: boolean;
	again: boolean;
	lastStart: number;
}

export function keyedThrottle(
	run: (key: string) => Promise<void>,
	intervalMs: number,
	onError: (error: unknown) => void = () => {}
): KeyedThrottle {
	const keys = new Map<string, KeyState>();
	let stopped = false;

	function request(key: string) {
		if (stopped) return;
		let state = keys.get(key);
		if (!state) keys.set(key, (state = { running: false, again: false, lastStart: -Infinity }));
		if (state.running) {
			state.again = true;
			return;
		}
		if (state.timer) return;
		const due = Math.max(0, state.lastStart + intervalMs - Date.now());
		const held = state;
		held.timer = setTimeout(() => void fire(key, held), due);
		// a pending run never keeps a stopping process alive
		held.timer.unref?.();
	}

	async function fire(key: string, state: KeyState) {
		state.timer = undefined;
		if (stopped) return;
		state.running = true;
		state.lastStart = Date.now();
		try {
			await run(key);
		} catch (error) {
			onError(error);
		} finally {
			state.running = false;
			if (state.again) {
				state.again = false;
				request(key);
			}
		}
	}

	return {
		request,
		stop() {
			stopped = true;
			for (const state of keys.values()) clearTimeout(state.timer);
			keys.clear();
		}
	};
}
