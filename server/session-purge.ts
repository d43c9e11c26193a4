// Removes expired sessions (issue 10 item 8): a session that is never used again would otherwise stay
// in the table for ever. Once at start and then every SESSION_PURGE_MINUTES (default 60); the timer
// stops with the HTTP server, so it never reopens a pool that shutdown has closed. Each node runs its
// own; the DELETE is idempotent, so several nodes purging at once do no harm.
import { purgeExpiredSessions } from '../src/lib/server/auth/session';
import { getSql, type Db } from '../src/lib/server/db/client';

export interface SessionPurge {
	/** the purge at start: resolves with the number of rows removed */
	first: Promise<number>;
	stop(): void;
}

export function startSessionPurge(
	server: { once(event: 'close', listener: () => void): unknown },
	options: { db?: () => Db; everyMs?: number } = {}
): SessionPurge {
	const db = options.db ?? getSql;
	const everyMs = options.everyMs ?? Number(process.env.SESSION_PURGE_MINUTES ?? 60) * 60_000;
	const run = () =>
		purgeExpiredSessions(db()).catch((error) => {
			console.error('session purge failed', error);
			return 0;
		});
	const timer = setInterval(run, everyMs);
	timer.unref();
	const stop = () => clearInterval(timer);
	server.once('close', stop);
	return { first: run(), stop };
}
