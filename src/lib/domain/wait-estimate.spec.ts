import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './wait-estimate';

describe('estimateWaitMinutes', () => {
	it('is people ahead × mean service time ÷ open counters', () => {
		expect(estimateWaitMinutes({ ahead: 6, meanServiceSeconds: 600, openCounters: 3 })).toBe(20);
		expect(estimateWaitMinutes({ ahead: 4, meanServiceSeconds: 480, openCounters: 1 })).toBe(32);
	});

	it('is zero with nobody ahead', () => {
		expect(estimateWaitMinutes({ ahead: 0, meanServiceSeconds: 600, openCounters: 2 })).toBe(0);
	});

	it('counts at least one counter, so a closed service still gets an estimate', () => {
		expect(estimateWaitMinutes({ ahead: 2, meanServiceSeconds: 300, openCounters: 0 })).toBe(10);
	});

	it('rounds up to whole minutes', () => {
		expect(estimateWaitMinutes({ ahead: 1, meanServiceSeconds: 61, openCounters: 1 })).toBe(2);
		expect(estimateWaitMinutes({ ahead: 1, meanServiceSeconds: 90, openCounters: 4 })).toBe(1);
	});
});
