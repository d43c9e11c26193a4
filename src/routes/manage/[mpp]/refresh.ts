// Refetching the Live tab's figures after staff-room events: a busy MPP emits several events a second,
// and every refetch reads today's tickets, so at most one request per `gapMs`, the last one trailing
// (the page always ends on the figures after the latest event), and never two requests at once.
export interface Refresher {
	/** asks for fresh figures soon */
	request(): void;
	stop(): void;
}

export function throttledRefresh(run: () => Promise<void>, gapMs = 2000): Refresher {
	let lastStart = -Infinity;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running = false;
	let again = false;
	let stopped = false;

	async function fire() {
		timer = undefined;
		if (stopped) return;
		if (running) {
			again = true;
			return;
		}
		running = true;
		lastStart = Date.now();
		try {
			await run();
		} finally {
			running = false;
			if (again) {
				again = false;
				request();
			}
		}
	}

	function request() {
		if (stopped || timer) return;
		if (running) {
			again = true;
			return;
		}
		timer = setTimeout(fire, Math.max(0, lastStart + gapMs - Date.now()));
	}

	return {
		request,
		stop() {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
