import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyedThrottle } from './keyed-throttle';

/** A throttle over a task that records its runs, and can be held mid-run. */
function setUp(intervalMs = 1000) {
	const runs: string[] = [];
	const errors: unknown[] = [];
	let release: (() => void) | undefined;
	let holdNext = false;
	const throttle = keyedThrottle(
		async (key) => {
			runs.push(key);
			if (holdNext) {
				holdNext = false;
				await new Promise<void>((resolve) => (release = resolve));
			}
			if (key === 'broken') throw new Error('database went away');
		},
		intervalMs,
		(error) => errors.push(error)
	);
	return { throttle, runs, errors, hold: () => (holdNext = true), release: () => release?.() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('keyedThrottle', () => {
	it('runs a quiet key on the next tick, once for many requests', async () => {
		const { throttle, runs } = setUp();
		for (let i = 0; i < 5; i++) throttle.request('m1');
		await vi.advanceTimersByTimeAsync(0);
		expect(runs).toEqual(['m1']);
	});

	it('runs a busy key once per interval, the last request trailing', async () => {
		const { throttle, runs } = setUp(1000);
		throttle.request('m1');
		await vi.advanceTimersByTimeAsync(0);
		for (let i = 0; i < 20; i++) {
			await vi.advanceTimersByTimeAsync(40);
			throttle.request('m1');
		}
		expect(runs).toEqual(['m1']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runs).toEqual(['m1', 'm1']);
		await vi.advanceTimersByTimeAsync(5000);
		expect(runs).toEqual(['m1', 'm1']);
	});

	it('keeps keys apart', async () => {
		const { throttle, runs } = setUp(1000);
		throttle.request('m1');
		await vi.advanceTimersByTimeAsync(0);
		throttle.request('m1');
		throttle.request('m2');
		await vi.advanceTimersByTimeAsync(0);
		expect(runs).toEqual(['m1', 'm2']);
	});

	it('never runs one key twice at once; a request during a run is served after it', async () => {
		const { throttle, runs, hold, release } = setUp(100);
		hold();
		throttle.request('m1');
		await vi.advanceTimersByTimeAsync(0);
		throttle.request('m1');
		await vi.advanceTimersByTimeAsync(500);
		expect(runs).toEqual(['m1']);
		release();
		await vi.advanceTimersByTimeAsync(500);
		expect(runs).toEqual(['m1', 'm1']);
	});

	it('reports a failed run and keeps going', async () => {
		const { throttle, runs, errors } = setUp(100);
		throttle.request('broken');
		await vi.advanceTimersByTimeAsync(0);
		expect(errors).toHaveLength(1);
		throttle.request('broken');
		await vi.advanceTimersByTimeAsync(200);
		expect(runs).toEqual(['broken', 'broken']);
	});

	it('does nothing after stop', async () => {
		const { throttle, runs } = setUp();
		throttle.request('m1');
		throttle.stop();
		throttle.request('m2');
		await vi.advanceTimersByTimeAsync(5000);
		expect(runs).toEqual([]);
	});
});
