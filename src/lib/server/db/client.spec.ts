import { describe, expect, it } from 'vitest';
import { appPoolOptions, isStatementTimeout, statsPoolOptions } from './client';

describe('pool settings from the environment', () => {
	it('defaults: a bounded app pool, a smaller statistics pool with more time per statement', () => {
		expect(appPoolOptions({})).toEqual({
			max: 10,
			statementTimeoutMs: 10_000,
			connectTimeoutSeconds: 10,
			idleTimeoutSeconds: 300
		});
		expect(statsPoolOptions({})).toMatchObject({ max: 3, statementTimeoutMs: 60_000 });
	});

	it('reads each variable, and the statistics pool its own', () => {
		const env = {
			DATABASE_POOL_SIZE: '4',
			STATEMENT_TIMEOUT_MS: '0',
			STATS_POOL_SIZE: '1',
			STATS_TIMEOUT_MS: '500'
		};
		expect(appPoolOptions(env)).toMatchObject({ max: 4, statementTimeoutMs: 0 });
		expect(statsPoolOptions(env)).toMatchObject({ max: 1, statementTimeoutMs: 500 });
	});

	it('refuses what is not a whole number, and a pool without connections', () => {
		expect(() => appPoolOptions({ STATEMENT_TIMEOUT_MS: '10s' })).toThrow(/STATEMENT_TIMEOUT_MS/);
		expect(() => appPoolOptions({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
		expect(() => statsPoolOptions({ STATS_POOL_SIZE: '-1' })).toThrow(/STATS_POOL_SIZE/);
	});

	it("recognises PostgreSQL's statement timeout", () => {
		expect(isStatementTimeout({ code: '57014' })).toBe(true);
		expect(isStatementTimeout(new Error('x'))).toBe(false);
		expect(isStatementTimeout(null)).toBe(false);
	});
});
