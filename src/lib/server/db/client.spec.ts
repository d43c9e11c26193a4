import { afterEach, describe, expect, it } from 'vitest';
import {
	appPoolOptions,
	closeSql,
	getStatsPrimarySql,
	getStatsSql,
	isStatementTimeout,
	readsReplica,
	statsPoolOptions,
	writerFor
} from './client';

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

describe('the statistics pools (issue 11)', () => {
	// postgres.js connects on the first query, so these pools never reach a server
	const saved = { url: process.env.DATABASE_URL, read: process.env.DATABASE_READ_URL };
	afterEach(async () => {
		await closeSql();
		restore('DATABASE_URL', saved.url);
		restore('DATABASE_READ_URL', saved.read);
	});

	it('without DATABASE_READ_URL, reads and their rollup writes share the one stats pool', () => {
		process.env.DATABASE_URL = 'postgres://antrean@127.0.0.1:1/primary';
		delete process.env.DATABASE_READ_URL;
		expect(getStatsSql()).toBe(getStatsPrimarySql());
		expect(writerFor(getStatsSql())).toBe(getStatsSql());
		expect(readsReplica(getStatsSql())).toBe(false);
	});

	it('with DATABASE_READ_URL, reads go to the replica and their writes to the primary', () => {
		process.env.DATABASE_URL = 'postgres://antrean@127.0.0.1:1/primary';
		process.env.DATABASE_READ_URL = 'postgres://antrean@127.0.0.1:2/replica';
		const read = getStatsSql();
		expect(read).not.toBe(getStatsPrimarySql());
		expect(getStatsSql()).toBe(read);
		expect(readsReplica(read)).toBe(true);
		expect(writerFor(read)).toBe(getStatsPrimarySql());
		expect(readsReplica(getStatsPrimarySql())).toBe(false);
	});
});

function restore(name: string, value: string | undefined) {
	if (value === undefined) delete process.env[name];
	else process.env[name] = value;
}
