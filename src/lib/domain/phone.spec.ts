import { describe, expect, it } from 'vitest';
import { maskPhone, normaliseIndonesianPhone, waMeNumber } from './phone';

describe('Indonesian phone numbers', () => {
	it('normalises the ways people write a number to E.164', () => {
		expect(normaliseIndonesianPhone('+62 812-3456-789')).toBe('+628123456789');
		expect(normaliseIndonesianPhone('0812 3456 7890')).toBe('+6281234567890');
		expect(normaliseIndonesianPhone('62 21 5551234')).toBe('+62215551234');
		expect(normaliseIndonesianPhone('(021) 555-1234')).toBe('+62215551234');
	});

	it('refuses numbers of other countries, trunk zeros after +62, too short or too long', () => {
		expect(normaliseIndonesianPhone('+6591234567')).toBeNull();
		expect(normaliseIndonesianPhone('+620812345678')).toBeNull();
		expect(normaliseIndonesianPhone('0812')).toBeNull();
		expect(normaliseIndonesianPhone('+62812345678901234')).toBeNull();
		expect(normaliseIndonesianPhone('+62 812 abc')).toBeNull();
	});

	it('masks a number so staff can tell citizens apart but not call them', () => {
		expect(maskPhone('+6281234567789')).toBe('+62 812-••••-•789');
		expect(maskPhone('+628123456789')).toBe('+62 812-••••-789');
		expect(maskPhone('+62215551234')).toBe('+62 215-•••-234');
		expect(maskPhone('garbage')).toBe('••••');
	});

	it('gives wa.me the digits without the plus', () => {
		expect(waMeNumber('+628123456789')).toBe('628123456789');
	});
});
