// Login attempt rows behind the rate limit. Keys are opaque (hashed e-mail or IP, see auth/login.ts).
import type { Db } from './client';

/**
 * When the `limit`-th newest attempt under `key` leaves the window, i.e. when the key drops below
 * the limit again; null when it is below already.
 */
export async function attemptsBelowLimitAt(
	db: Db,
	key: string,
	limit: number,
	windowSeconds: number
): Promise<Date | null> {
	const [row] = await db<{ until: Date }[]>`
		SELECT at + make_interval(secs => ${windowSeconds}) AS until FROM login_attempts
		WHERE key = ${key} AND at > now() - make_interval(secs => ${windowSeconds})
		ORDER BY at DESC OFFSET ${limit - 1} LIMIT 1`;
	return row?.until ?? null;
}

export async function insertAttempt(db: Db, key: string): Promise<void> {
	await db`INSERT INTO login_attempts (key) VALUES (${key})`;
}

export async function deleteAttempts(db: Db, key: string): Promise<void> {
	await db`DELETE FROM login_attempts WHERE key = ${key}`;
}

/** Serialises check-and-record for one key across every node, until the transaction ends. */
export async function lockAttemptKey(db: Db, key: string): Promise<void> {
	await db`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

export async function pruneAttempts(db: Db, olderThanSeconds: number): Promise<number> {
	const result =
		await db`DELETE FROM login_attempts WHERE at < now() - make_interval(secs => ${olderThanSeconds})`;
	return result.count;
}
