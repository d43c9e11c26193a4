// Waiting for nodes to hear the bus: a node answers HTTP a moment before its LISTEN is in place, and
// an event sent in between would never reach its sockets.
import type { Sql } from '../../src/lib/server/db/client';

/** Until `count` connections of this database are listening on the bus (generous deadline). */
export async function waitForListeners(sql: Sql, count: number, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [{ listening }] = await sql<{ listening: number }[]>`
			SELECT count(*)::int AS listening FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`;
		if (listening >= count) return;
		if (Date.now() > deadline) throw new Error(`only ${listening} of ${count} nodes listen on the bus`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The backends listening on the bus for this database (to kill them in a fault test). */
export async function listenerPids(sql: Sql): Promise<number[]> {
	const rows = await sql<{ pid: number }[]>`
		SELECT pid FROM pg_stat_activity
		WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`;
	return rows.map((r) => r.pid);
}
