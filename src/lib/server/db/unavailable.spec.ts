import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('isDatabaseUnavailable', () => {
	it('knows a refused, closed or timed-out connection, also wrapped', () => {
		for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'ECONNRESET']) {
			expect(isDatabaseUnavailable(withCode(code))).toBe(true);
		}
		expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
		expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ETIMEDOUT') }))).toBe(true);
	});

	it('knows a server shutting down or starting up, and too many connections', () => {
		for (const code of ['57P01', '57P03', '08006', '53300']) {
			expect(isDatabaseUnavailable(Object.assign(new postgres.PostgresError(code), { code }))).toBe(true);
		}
	});

	it('leaves bugs and bad data alone: they stay errors', () => {
		for (const code of ['23505', '42P01', '22P02', '57014']) {
			expect(isDatabaseUnavailable(withCode(code))).toBe(false);
		}
		expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
	});
});
