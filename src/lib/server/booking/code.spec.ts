import { describe, expect, it } from 'vitest';
import { formatBookingCode, generateBookingCode, normalizeBookingCode } from './code';

describe('booking codes', () => {
	it('are 8 unambiguous symbols, read back however they were typed', () => {
		const code = generateBookingCode();
		expect(code).toMatch(/^[A-KMNP-Z2-9]{8}$/);
		expect(normalizeBookingCode(` ${formatBookingCode(code).toLowerCase()} `)).toBe(code);
	});

	it('refuses what no code can be', () => {
		expect(normalizeBookingCode('ABCD-EFG')).toBeNull();
		expect(normalizeBookingCode('ABCD0FGH')).toBeNull();
		expect(normalizeBookingCode('__proto__')).toBeNull();
	});
});
