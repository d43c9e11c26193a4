import { describe, expect, it } from 'vitest';
import { bodySizeLimit, csvImportMaxBytes, DEFAULT_BODY_SIZE_LIMIT } from './body-limit';

describe('bodySizeLimit', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(bodySizeLimit('512K')).toBe(512 * 1024);
		expect(bodySizeLimit('2m')).toBe(2 * 1024 * 1024);
		expect(bodySizeLimit('1G')).toBe(1024 ** 3);
		expect(bodySizeLimit('70000')).toBe(70000);
		expect(bodySizeLimit('Infinity')).toBe(Infinity);
	});
});

describe('csvImportMaxBytes', () => {
	it('is 1 MiB under the default limit, with room left for the rest of the form', () => {
		expect(csvImportMaxBytes(bodySizeLimit(DEFAULT_BODY_SIZE_LIMIT))).toBe(1024 * 1024);
		expect(csvImportMaxBytes(Infinity)).toBe(1024 * 1024);
	});

	it('shrinks under a smaller BODY_SIZE_LIMIT, so an accepted file always gets through the server', () => {
		const limit = bodySizeLimit('512K');
		expect(csvImportMaxBytes(limit)).toBeLessThan(limit);
		expect(csvImportMaxBytes(limit)).toBe(512 * 1024 - 16 * 1024);
	});
});
