import { describe, expect, it } from 'vitest';
import { canNumber, ticketNumber } from './numbering';

describe('ticketNumber', () => {
	it('is the prefix and three digits', () => {
		expect(ticketNumber('A', 1)).toBe('A001');
		expect(ticketNumber('B', 42)).toBe('B042');
		expect(ticketNumber('KT', 123)).toBe('KT123');
		expect(ticketNumber('A', 999)).toBe('A999');
	});

	it('refuses a sequence three digits cannot hold', () => {
		expect(canNumber(1000)).toBe(false);
		expect(canNumber(0)).toBe(false);
		expect(canNumber(1.5)).toBe(false);
		expect(canNumber(999)).toBe(true);
		expect(() => ticketNumber('A', 1000)).toThrow(RangeError);
		expect(() => ticketNumber('A', 0)).toThrow(RangeError);
	});
});
