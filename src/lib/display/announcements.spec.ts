import { describe, expect, it } from 'vitest';
import type { CallView } from '../realtime/events';
import { CallTracker } from './announcements';

const now = new Date('2026-11-23T07:05:00.000Z');
const call = (ticketId: string, secondsAgo: number, callCount = 1, serviceId = 'ktp'): CallView => ({
	ticketId,
	number: ticketId.toUpperCase(),
	serviceId,
	counterId: 'c1',
	counterName: 'Loket 1',
	calledAt: new Date(now.getTime() - secondsAgo * 1000).toISOString(),
	callCount
});
const all = () => true;

describe('CallTracker', () => {
	it('does not announce the calls already on screen at first paint', () => {
		const tracker = new CallTracker([call('a1', 30)], all);
		expect(tracker.live(call('a1', 30))).toBe(false);
		expect(tracker.resynced([call('a1', 30)], now)).toEqual([]);
	});

	it('announces each live call once, and a recall again', () => {
		const tracker = new CallTracker([], all);
		expect(tracker.live(call('a1', 0))).toBe(true);
		expect(tracker.live(call('a1', 0))).toBe(false);
		expect(tracker.live(call('a1', 0, 2))).toBe(true);
	});

	it('announces back-to-back calls each', () => {
		const tracker = new CallTracker([], all);
		expect([call('a1', 1), call('a2', 0), call('b1', 0)].map((c) => tracker.live(c))).toEqual([
			true,
			true,
			true
		]);
	});

	it('does not announce calls of services the TV does not serve', () => {
		const tracker = new CallTracker([], (id) => id === 'ktp');
		expect(tracker.live(call('d1', 0, 1, 'sim'))).toBe(false);
		expect(tracker.live(call('a1', 0, 1, 'ktp'))).toBe(true);
	});

	it('after a reconnect announces every missed call under a minute old, oldest first', () => {
		const tracker = new CallTracker([call('a1', 100)], all);
		const snapshot = [call('a5', 5), call('a4', 20), call('a3', 40), call('a2', 75), call('a1', 100)];
		expect(tracker.resynced(snapshot, now).map((c) => c.ticketId)).toEqual(['a3', 'a4', 'a5']);
		// the same snapshot again (the next event's state) announces nothing
		expect(tracker.resynced(snapshot, now)).toEqual([]);
	});

	it('after a reconnect announces a missed recall, but never a call it already spoke', () => {
		const tracker = new CallTracker([], all);
		expect(tracker.live(call('a1', 30))).toBe(true);
		const snapshot = [call('a1', 3, 2), call('a2', 10)];
		expect(tracker.resynced(snapshot, now).map((c) => [c.ticketId, c.callCount])).toEqual([
			['a2', 1],
			['a1', 2]
		]);
	});

	it('does not read out a missed call that is no longer fresh', () => {
		const tracker = new CallTracker([], all);
		expect(tracker.resynced([call('a9', 10 * 60)], now)).toEqual([]);
		// nor later, as if it were new
		expect(tracker.live(call('a9', 10 * 60))).toBe(false);
	});

	it('after a live event the resulting snapshot announces nothing twice', () => {
		const tracker = new CallTracker([], all);
		expect(tracker.live(call('a1', 0))).toBe(true);
		expect(tracker.resynced([call('a1', 0)], now)).toEqual([]);
	});
});
