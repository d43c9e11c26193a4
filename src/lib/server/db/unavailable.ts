// Telling "the database is not there right now" (a restart, a failover, a dropped link) from a bug:
// the first is answered 503 with Retry-After on every door and the client tries again, the second
// stays a 500 (issue 11).

/** postgres.js's own connection errors and Node's socket errors. */
const connectionCodes = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);

/**
 * PostgreSQL's own: the connection class (08…), the server shutting down or starting up
 * (57P01–57P03), too many connections (53300), and a standby that cannot run a write (25006) mid
 * failover.
 */
const serverCodes = /^(08\w{3}|57P0[1-3]|53300|25006)$/;

/** Seconds a client should wait before trying again: a restart takes a few. */
export const RETRY_AFTER_SECONDS = 3;

export const UNAVAILABLE_MESSAGE =
	'Basis data sedang tidak tersedia, coba lagi sebentar lagi (database unavailable, retry shortly).';

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && (connectionCodes.has(code) || serverCodes.test(code))) return true;
		// Node wraps a refused connection to several addresses in an AggregateError
		const inner = (e as { errors?: unknown[] }).errors?.[0];
		e = inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}
