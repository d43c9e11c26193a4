import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/traffic-profile';
import { afterUnansweredCall, citizenPresent, isSimulated, priorityGroupOf } from './operator';

const startedAt = new Date('2026-11-23T02:00:00Z');
const now = new Date('2026-11-23T03:00:00Z');
const since = new Date(now.getTime() - 15 * 60_000);
const counter = (patch: Partial<Parameters<typeof isSimulated>[0]> = {}) => ({
	status: 'open' as const,
	statusChangedAt: new Date('2026-11-23T01:00:00Z'),
	humanActedAt: null,
	...patch
});

describe('which counters the simulator drives', () => {
	it('drives an open counter nobody touched', () => {
		expect(isSimulated(counter(), since, startedAt)).toBe(true);
	});

	it('leaves a paused or closed counter alone', () => {
		expect(isSimulated(counter({ status: 'paused' }), since, startedAt)).toBe(false);
		expect(isSimulated(counter({ status: 'closed' }), since, startedAt)).toBe(false);
	});

	it('leaves a counter where a person acted in the last quiet period, and takes it back after', () => {
		const acted = new Date(now.getTime() - 5 * 60_000);
		expect(isSimulated(counter({ humanActedAt: acted }), since, startedAt)).toBe(false);
		const later = new Date(now.getTime() + 20 * 60_000);
		expect(
			isSimulated(counter({ humanActedAt: acted }), new Date(later.getTime() - 15 * 60_000), startedAt)
		).toBe(true);
	});

	it('leaves a counter someone just opened, but not one opened by the seed before the simulator started', () => {
		const opened = new Date(now.getTime() - 2 * 60_000);
		expect(isSimulated(counter({ statusChangedAt: opened }), since, startedAt)).toBe(false);
		expect(isSimulated(counter({ statusChangedAt: opened }), since, now)).toBe(true);
	});
});

describe('citizens and no-shows', () => {
	it('has about 8% of called citizens not turn up', () => {
		const random = seededRandom(42);
		const absent = Array.from({ length: 10_000 }, () => citizenPresent(random, 0.08)).filter(
			(p) => !p
		).length;
		expect(absent / 10_000).toBeGreaterThan(0.07);
		expect(absent / 10_000).toBeLessThan(0.09);
	});

	it('calls an absent citizen up to the call limit, then marks no-show', () => {
		expect(afterUnansweredCall(1, 3)).toBe('recall');
		expect(afterUnansweredCall(2, 3)).toBe('recall');
		expect(afterUnansweredCall(3, 3)).toBe('no_show');
		expect(afterUnansweredCall(1, 1)).toBe('no_show');
	});

	it('gives about 6% of tickets a priority group', () => {
		const random = seededRandom(3);
		const groups = Array.from({ length: 10_000 }, () => priorityGroupOf(random));
		const share = groups.filter(Boolean).length / groups.length;
		expect(share).toBeGreaterThan(0.05);
		expect(share).toBeLessThan(0.07);
		expect(new Set(groups.filter(Boolean)).size).toBe(5);
	});
});
