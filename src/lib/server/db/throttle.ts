// Throttle counters (0012_login_throttle.sql). Every change is one upsert that takes the row lock, so
// parallel requests on any node are counted one after the other and no limit is read-then-written.
import type { Db } from './client';

export interface WindowCount {
	count: number;
	windowStart: Date;
}

/**
 * Counts one more in the fixed window of `key` (a new window once the old one is over) and returns
 * the count including this one.
 */
export async function countInWindow(
	db: Db,
	key: string,
	windowSeconds: number,
	now: Date
): Promise<WindowCount> {
	const [row] = await db<WindowCount[]>`
		INSERT INTO throttle_counters AS t (key, count, window_start) VALUES (${key}, 1, ${now})
		ON CONFLICT (key) DO UPDATE SET
			count = CASE WHEN t.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
				THEN 1 ELSE t.count + 1 END,
			window_start = CASE WHEN t.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})
				THEN ${now} ELSE t.window_start END
		RETURNING count, window_start AS "windowStart"`;
	return row;
}

/** Gives one back, e.g. for an attempt that turned out to be a success. */
export async function uncount(db: Db, key: string): Promise<void> {
	await db`UPDATE throttle_counters SET count = greatest(count - 1, 0) WHERE key = ${key}`;
}

/**
 * Counts one more attempt under `key` unless it is blocked at `now`. The attempt that makes the
 * count reach `free` (and every later one) blocks the next attempts for 2^(count − free + 1)
 * seconds, at most `maxDelaySeconds`, before its own outcome is known, so parallel attempts cannot
 * all pass. After `forgetSeconds` without an attempt the count starts again. `free` must be ≥ 2.
 * Returns the count, or null when blocked.
 */
export async function countUnlessBlocked(
	db: Db,
	key: string,
	p: { now: Date; free: number; maxDelaySeconds: number; forgetSeconds: number }
): Promise<number | null> {
	const next = db`CASE WHEN t.window_start <= ${p.now}::timestamptz - make_interval(secs => ${p.forgetSeconds})
		THEN 1 ELSE t.count + 1 END`;
	const [row] = await db<{ count: number }[]>`
		INSERT INTO throttle_counters AS t (key, count, window_start) VALUES (${key}, 1, ${p.now})
		ON CONFLICT (key) DO UPDATE SET
			count = ${next},
			window_start = ${p.now},
			blocked_until = CASE WHEN ${next} >= ${p.free}
				THEN ${p.now}::timestamptz
					+ make_interval(secs => least(power(2, ${next} - ${p.free} + 1), ${p.maxDelaySeconds}))
				END
		WHERE t.blocked_until IS NULL OR t.blocked_until <= ${p.now}
		RETURNING count`;
	return row?.count ?? null;
}

export async function blockedUntil(db: Db, key: string): Promise<Date | null> {
	const [row] = await db<{ until: Date | null }[]>`
		SELECT blocked_until AS until FROM throttle_counters WHERE key = ${key}`;
	return row?.until ?? null;
}

export async function deleteCounter(db: Db, key: string): Promise<void> {
	await db`DELETE FROM throttle_counters WHERE key = ${key}`;
}

/** Every counter whose key starts with `prefix` (e.g. all clients of one account). */
export async function deleteCountersStartingWith(db: Db, prefix: string): Promise<void> {
	await db`DELETE FROM throttle_counters WHERE starts_with(key, ${prefix})`;
}

/** Counters nobody has touched for `olderThanSeconds` and that block nothing any more. */
export async function pruneCounters(db: Db, olderThanSeconds: number, now: Date): Promise<number> {
	const result = await db`
		DELETE FROM throttle_counters
		WHERE window_start < ${now}::timestamptz - make_interval(secs => ${olderThanSeconds})
			AND (blocked_until IS NULL OR blocked_until < ${now})`;
	return result.count;
}
