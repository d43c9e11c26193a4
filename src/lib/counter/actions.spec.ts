import { describe, expect, it } from 'vitest';
import { availableActions, callsBeforeNoShow } from './actions';

const on = (actions: Record<string, boolean>) =>
	Object.entries(actions)
		.filter(([, enabled]) => enabled)
		.map(([action]) => action)
		.sort();

describe('availableActions', () => {
	it('an open counter with nobody at it can call, pause and close', () => {
		expect(on(availableActions({ status: 'open', ticket: null, callLimit: 3 }))).toEqual([
			'callNext',
			'close',
			'pause'
		]);
	});

	it('a freshly called ticket can be recalled, started, finished or transferred, not marked absent', () => {
		const actions = availableActions({
			status: 'open',
			ticket: { status: 'called', callCount: 1 },
			callLimit: 3
		});
		expect(actions.recall && actions.start && actions.finish && actions.transfer).toBe(true);
		expect(actions.noShow).toBe(false);
	});

	it('at the call limit, recall stops and no-show becomes possible', () => {
		const actions = availableActions({
			status: 'open',
			ticket: { status: 'called', callCount: 3 },
			callLimit: 3
		});
		expect(actions.recall).toBe(false);
		expect(actions.noShow).toBe(true);
		expect(callsBeforeNoShow({ callCount: 1 }, 3)).toBe(2);
		expect(callsBeforeNoShow({ callCount: 4 }, 3)).toBe(0);
	});

	it('a ticket being served can only be finished or transferred', () => {
		const actions = availableActions({
			status: 'open',
			ticket: { status: 'serving', callCount: 1 },
			callLimit: 3
		});
		expect(actions.finish && actions.transfer).toBe(true);
		expect(actions.recall || actions.start || actions.noShow).toBe(false);
	});

	it('a paused counter calls nobody but can resume or close; a closed one can only open', () => {
		const paused = availableActions({ status: 'paused', ticket: null, callLimit: 3 });
		expect(paused.callNext).toBe(false);
		expect(paused.pause && paused.close && paused.open).toBe(true);
		expect(on(availableActions({ status: 'closed', ticket: null, callLimit: 3 }))).toEqual(['open']);
	});
});
