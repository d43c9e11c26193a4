import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketPositionEvent } from '../../realtime/events';
import { positionEvent, positionPusher } from './positions';

const event = (trackCode: string, position: number): TicketPositionEvent => ({
	mppId: 'm1',
	seq: 1,
	trackCode,
	position,
	estimatedWaitMinutes: 0
});

/** A pusher over a fake service queue: counts the computations and keeps what reached phones. */
function setUp(intervalMs = 1000) {
	const computed: string[] = [];
	const sent: TicketPositionEvent[] = [];
	let release: (() => void) | undefined;
	let holdNext = false;
	const pusher = positionPusher({
		intervalMs,
		async compute(serviceId) {
			computed.push(serviceId);
			if (holdNext) {
				holdNext = false;
				await new Promise<void>((resolve) => (release = resolve));
			}
			if (serviceId === 'broken') throw new Error('database went away');
			return [event(`${serviceId}-a`, 1), event(`${serviceId}-b`, 2)];
		},
		emit: (e) => sent.push(e),
		isFollowed: (code) => following.has(code),
		onError: () => {}
	});
	// a phone of each service follows on this node unless a test says otherwise
	const following = new Set<string>();
	for (const serviceId of ['s1', 's2', 'broken']) {
		for (const code of [`${serviceId}-a`, `${serviceId}-b`]) {
			following.add(code);
			pusher.follow(serviceId, code);
		}
	}
	return { pusher, computed, sent, following, hold: () => (holdNext = true), release: () => release?.() };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('positionPusher', () => {
	it('computes nothing for a service no phone on this node follows, and tells only the phones here', async () => {
		const { pusher, computed, sent, following } = setUp();
		pusher.moved('s9');
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual([]);
		// one of the two phones of s1 left this node (closed, or reconnected elsewhere)
		following.delete('s1-b');
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual(['s1']);
		expect(sent.map((e) => e.trackCode)).toEqual(['s1-a']);
		// and when the last one has left, the service is not read again
		following.delete('s1-a');
		await vi.advanceTimersByTimeAsync(5000);
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(5000);
		expect(computed).toEqual(['s1']);
	});

	it('tells every waiting phone of a quiet service its place at once, one event each', async () => {
		const { pusher, computed, sent } = setUp();
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual(['s1']);
		expect(sent.map((e) => e.trackCode)).toEqual(['s1-a', 's1-b']);
	});

	it('computes a busy service once per interval, the last movement trailing', async () => {
		const { pusher, computed } = setUp(1000);
		for (let i = 0; i < 10; i++) pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual(['s1']);
		// twenty movements within the next second: one more computation, at its end
		for (let i = 0; i < 20; i++) {
			await vi.advanceTimersByTimeAsync(40);
			pusher.moved('s1');
		}
		expect(computed).toEqual(['s1']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(computed).toEqual(['s1', 's1']);
		await vi.advanceTimersByTimeAsync(5000);
		expect(computed).toEqual(['s1', 's1']);
	});

	it('keeps services apart', async () => {
		const { pusher, computed } = setUp();
		pusher.moved('s1');
		pusher.moved('s2');
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual(['s1', 's2']);
	});

	it('never computes one service twice at once, and catches up after a slow computation', async () => {
		const { pusher, computed, hold, release } = setUp(1000);
		hold();
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(0);
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(3000);
		expect(computed).toEqual(['s1']);
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(computed).toEqual(['s1', 's1']);
	});

	it('a failed computation does not stop the next ones', async () => {
		const { pusher, computed } = setUp(1000);
		pusher.moved('broken');
		await vi.advanceTimersByTimeAsync(0);
		pusher.moved('broken');
		await vi.advanceTimersByTimeAsync(1000);
		expect(computed).toEqual(['broken', 'broken']);
	});

	it('tells a long queue a slice at a time, so what arrives meanwhile is not held behind it', async () => {
		vi.useRealTimers();
		const codes = Array.from({ length: 250 }, (_, i) => `s1-${i}`);
		const order: string[] = [];
		const pusher = positionPusher({
			intervalMs: 0,
			slice: 100,
			compute: async () => codes.map((code, i) => event(code, i + 1)),
			emit: (e) => {
				order.push(e.trackCode);
				// something that came in (a call's bus message, an HTTP request) as the wave began
				if (e.trackCode === 's1-0') setImmediate(() => order.push('call'));
			},
			isFollowed: () => true
		});
		for (const code of codes) pusher.follow('s1', code);
		pusher.moved('s1');
		await vi.waitFor(() => expect(order).toHaveLength(251));
		// every phone told once and in place order; the call handled after the first slice, not the last
		expect(order.filter((x) => x !== 'call')).toEqual(codes);
		expect(order.indexOf('call')).toBe(100);
		pusher.stop();
	});

	it('stops: nothing pending runs', async () => {
		const { pusher, computed } = setUp();
		pusher.moved('s1');
		pusher.stop();
		await vi.advanceTimersByTimeAsync(5000);
		pusher.moved('s1');
		await vi.advanceTimersByTimeAsync(5000);
		expect(computed).toEqual([]);
	});
});

describe('positionEvent', () => {
	const place = {
		mppId: 'm1',
		trackCode: 'abcdefghjk',
		seq: 42,
		expectedServiceMinutes: 10,
		openCounters: 2
	};

	it('is the place after those ahead, with the recent service time spread over the open counters', () => {
		expect(positionEvent({ ...place, ahead: 3, meanServiceSeconds: 300 })).toEqual({
			mppId: 'm1',
			seq: 42,
			trackCode: 'abcdefghjk',
			position: 4,
			estimatedWaitMinutes: 8
		});
	});

	it('falls back to the expected service time before anyone finished, and says 0 when next', () => {
		expect(positionEvent({ ...place, ahead: 2, meanServiceSeconds: null }).estimatedWaitMinutes).toBe(10);
		expect(positionEvent({ ...place, ahead: 0, meanServiceSeconds: 300 })).toMatchObject({
			position: 1,
			estimatedWaitMinutes: 0
		});
	});
});
