// The postgres.js pools of this process. The server entry (or the Vite plugin, or a test) sets
// DATABASE_URL before the first query; everything under $lib/server takes `Sql` from here.
//
// Two pools (issue 10 item 8): getSql() for the queue, the kiosk, the console, sign-in and admin, and
// getStatsSql() for history dashboards, ministry pages and statistics exports, with its own few
// connections and a longer statement_timeout. A heavy ministry query can then take at most the stats
// pool's connections, never one that call-next or the kiosk needs.
//
// With DATABASE_READ_URL (issue 11), getStatsSql() reads from that streaming replica instead. A replica
// refuses writes, so the rollups that statistics reads catch up on the way go to writerFor(sql): a pool
// of the same size and timeout on the primary (getStatsPrimarySql), so a rebuild still never takes a
// queue connection. Without DATABASE_READ_URL both are the one stats pool, exactly as before.
//
// Every connection has a statement_timeout and an idle_in_transaction_session_timeout, so no statement
// and no forgotten transaction holds a connection longer than that. postgres.js has no timeout for a
// query that waits for a free connection (when all `max` are taken it queues without limit); the wait
// is bounded instead by those two timeouts and by our transactions being a few short statements each.
import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle from `sql.begin`: use it, never the outer `sql`, inside the transaction. */
export type Tx = postgres.TransactionSql;
/** Either a pool or a transaction: data functions accept both so services can compose them. */
export type Db = Sql | Tx;

const key = Symbol.for('antrean.sql');
const statsKey = Symbol.for('antrean.stats-sql');
const readKey = Symbol.for('antrean.stats-read-sql');
type WithSql = typeof globalThis & { [key]?: Sql; [statsKey]?: Sql; [readKey]?: Sql };

// A replica pool → the primary pool that takes the writes its readers need. Weak, so a test's pools go.
const writers = new WeakMap<Sql, Sql>();

export interface PoolOptions {
	max?: number;
	/** statement_timeout and idle_in_transaction_session_timeout, in ms; 0 turns them off */
	statementTimeoutMs?: number;
	/** seconds to establish a connection */
	connectTimeoutSeconds?: number;
	/** seconds an unused connection stays open */
	idleTimeoutSeconds?: number;
}

/** The app pool's settings from the environment (README "Configuration"). */
export function appPoolOptions(env: Record<string, string | undefined> = process.env): PoolOptions {
	return {
		max: envNumber(env, 'DATABASE_POOL_SIZE', 10, 1),
		statementTimeoutMs: envNumber(env, 'STATEMENT_TIMEOUT_MS', 10_000),
		connectTimeoutSeconds: envNumber(env, 'CONNECT_TIMEOUT_S', 10),
		idleTimeoutSeconds: envNumber(env, 'POOL_IDLE_TIMEOUT_S', 300)
	};
}

/** The statistics pool's: fewer connections, more time per statement. */
export function statsPoolOptions(env: Record<string, string | undefined> = process.env): PoolOptions {
	return {
		...appPoolOptions(env),
		max: envNumber(env, 'STATS_POOL_SIZE', 3, 1),
		statementTimeoutMs: envNumber(env, 'STATS_TIMEOUT_MS', 60_000)
	};
}

function envNumber(env: Record<string, string | undefined>, name: string, fallback: number, min = 0): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min)
		throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
	return value;
}

export function createSql(url: string, options: PoolOptions | number = {}): Sql {
	const {
		max = 10,
		statementTimeoutMs = 0,
		connectTimeoutSeconds = 30,
		idleTimeoutSeconds = 0
	} = typeof options === 'number' ? { max: options } : options;
	const sql = postgres(url, {
		max,
		connect_timeout: connectTimeoutSeconds,
		idle_timeout: idleTimeoutSeconds || undefined,
		// seconds before a connection slot tries again after failing to connect. postgres.js grows this
		// as 3^n/100 up to 20 s, so a database back after a few seconds' restart went unused for 10 s
		// or more (issue 11: recover within 5 s); at most 1 s apart is still no hammering
		backoff: reconnectBackoff,
		onnotice: () => {},
		// JIT compiles a plan above jit_above_cost, which our 70-column histogram aggregates (and the
		// rollup rebuild's enable_nestloop = off, which makes every cost huge) reach on a few dozen rows:
		// compiling took 0.3–0.9 s per statement for work that runs in milliseconds. Nothing here scans
		// enough rows for JIT to pay off.
		connection: {
			jit: 'off',
			...(statementTimeoutMs
				? { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: statementTimeoutMs }
				: {})
		},
		// bigint (count(*), sums, seq) comes back as a number; our values stay far below 2^53
		types: {
			bigint: { to: 20, from: [20], parse: (v: string) => Number(v), serialize: (v: number) => String(v) }
		},
		transform: { undefined: null }
	});
	readTypesOnce(sql);
	return sql;
}

/** Seconds until a failed connection slot tries again: 0.1 s, 0.2 s, … at most 1 s. */
export function reconnectBackoff(retries: number): number {
	return Math.min(0.1 * Math.max(1, retries), 1);
}

/**
 * postgres.js reads the server's array types on every new connection. When that read fails (the
 * database shutting down or starting up under it, a statement timeout) it drops the rejection and the
 * connection later writes to its closed socket: an uncaught TypeError that ends the process (seen in
 * the database-restart fault test, issue 11). The types do not change while we run, and the parsers
 * one read installs are kept on the pool's shared options: so once one connection has read them,
 * later connections (reconnects after a restart) skip the read.
 */
function readTypesOnce(sql: Sql): void {
	let tries = 0;
	const warm = () => {
		sql`SELECT 1`.then(
			() => {
				(sql.options as { fetch_types: boolean }).fetch_types = false;
			},
			(error: { code?: string }) => {
				// an ended pool is done; otherwise the database is not there yet: try again a while
				if (error?.code === 'CONNECTION_ENDED' || error?.code === 'CONNECTION_DESTROYED') return;
				if (++tries < 60) setTimeout(warm, 1000).unref();
			}
		);
	};
	warm();
}

/** The process-wide pool, created on first use from DATABASE_URL. */
export function getSql(): Sql {
	const g = globalThis as WithSql;
	if (!g[key]) {
		const url = process.env.DATABASE_URL;
		if (!url)
			throw new Error('DATABASE_URL is not set: start the server through server/index.ts or npm run dev');
		g[key] = createSql(url, appPoolOptions());
	}
	return g[key];
}

/**
 * The statistics read pool, created on first use: the replica at DATABASE_READ_URL when set, else the
 * same database as getSql(). What reads here and must write (rollups) writes through writerFor().
 */
export function getStatsSql(): Sql {
	const g = globalThis as WithSql;
	if (!g[readKey]) {
		const url = process.env.DATABASE_READ_URL;
		if (!url) return getStatsPrimarySql();
		const replica = createSql(url, statsPoolOptions());
		writers.set(replica, getStatsPrimarySql());
		g[readKey] = replica;
	}
	return g[readKey];
}

/** The statistics pool on the primary: rollup writes, and live figures that must not lag. */
export function getStatsPrimarySql(): Sql {
	const g = globalThis as WithSql;
	if (!g[statsKey]) {
		const url = process.env.DATABASE_URL;
		if (!url)
			throw new Error('DATABASE_URL is not set: start the server through server/index.ts or npm run dev');
		g[statsKey] = createSql(url, statsPoolOptions());
	}
	return g[statsKey];
}

/** The pool that takes the writes a read through `sql` needs: the primary behind a replica, else `sql`. */
export function writerFor(sql: Sql): Sql {
	return writers.get(sql) ?? sql;
}

/** True when `sql` reads a streaming replica, whose data may lag the primary's. */
export function readsReplica(sql: Sql): boolean {
	return writers.has(sql);
}

/** True for PostgreSQL's "canceling statement due to statement timeout" (and a user cancel). */
export function isStatementTimeout(error: unknown): boolean {
	return (error as { code?: unknown } | null)?.code === '57014';
}

/** For tests and CLIs that manage their own pool (used for statistics too). */
export function setSql(sql: Sql | undefined) {
	(globalThis as WithSql)[key] = sql;
	(globalThis as WithSql)[statsKey] = sql;
	(globalThis as WithSql)[readKey] = undefined;
}

/** Ends the process-wide pools (server shutdown). */
export async function closeSql(): Promise<void> {
	const g = globalThis as WithSql;
	const pools = new Set([g[key], g[statsKey], g[readKey]]);
	g[key] = undefined;
	g[statsKey] = undefined;
	g[readKey] = undefined;
	await Promise.all([...pools].map((sql) => sql?.end({ timeout: 5 })));
}
