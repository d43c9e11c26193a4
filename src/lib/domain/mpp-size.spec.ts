import { describe, expect, it } from 'vitest';
import { mppSize } from './mpp-size';

describe('mppSize', () => {
	it('classes MPPs by tickets per open day, at DOMAIN’s bounds', () => {
		expect(mppSize(299 * 20, 20)).toBe('small');
		expect(mppSize(300 * 20, 20)).toBe('medium');
		expect(mppSize(799 * 20, 20)).toBe('medium');
		expect(mppSize(800 * 20, 20)).toBe('large');
	});

	it('has no class for an MPP without a single open day', () => {
		expect(mppSize(0, 0)).toBeNull();
	});
});
