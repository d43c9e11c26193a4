import { describe, expect, it } from 'vitest';
import { freshnessOf } from './freshness';

const now = new Date('2026-12-04T07:00:05Z');
const lastCommit = new Date('2026-12-04T04:10:00Z');

describe('freshnessOf', () => {
	it('calls a primary (or a promoted replica) live', () => {
		expect(freshnessOf({ inRecovery: false, now, lastReplayedCommitAt: null, caughtUp: true })).toEqual({
			live: true,
			asOf: now.toISOString()
		});
	});

	it("dates a replica that has replayed all it received by its clock, not by an idle primary's last commit", () => {
		expect(freshnessOf({ inRecovery: true, now, lastReplayedCommitAt: lastCommit, caughtUp: true })).toEqual({
			live: false,
			asOf: now.toISOString()
		});
	});

	it('dates a replica behind (paused, replaying, cut off) by the last commit it replayed', () => {
		expect(freshnessOf({ inRecovery: true, now, lastReplayedCommitAt: lastCommit, caughtUp: false })).toEqual(
			{
				live: false,
				asOf: lastCommit.toISOString()
			}
		);
		expect(freshnessOf({ inRecovery: true, now, lastReplayedCommitAt: null, caughtUp: false })).toEqual({
			live: false,
			asOf: null
		});
	});
});
