// The one postgres.js pool of this process. The server entry (or the Vite plugin, or a test)
// sets DATABASE_URL before the first query; everything under $lib/server takes `Sql` from here.
import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle from `sql.begin`: use it, never the outer `sql`, inside the transaction. */
export type Tx = postgres.TransactionSql;
/** Either a pool or a transaction: data functions accept both so services can compose them. */
export type Db = Sql | Tx;

const key = Symbol.for('antrean.sql');
type WithSql = typeof globalThis & { [key]?: Sql };

export function createSql(url: string, max = 10): Sql {
	return postgres(url, {
		max,
		onnotice: () => {},
		// JIT compiles a plan above jit_above_cost, which our 70-column histogram aggregates (and the
		// rollup rebuild's enable_nestloop = off, which makes every cost huge) reach on a few dozen rows:
		// compiling took 0.3–0.9 s per statement for work that runs in milliseconds. Nothing here scans
		// enough rows for JIT to pay off.
		connection: { jit: 'off' },
		// bigint (count(*), sums, seq) comes back as a number; our values stay far below 2^53
		types: {
			bigint: { to: 20, from: [20], parse: (v: string) => Number(v), serialize: (v: number) => String(v) }
		},
		transform: { undefined: null }
	});
}

/** The process-wide pool, created on first use from DATABASE_URL. */
export function getSql(): Sql {
	const g = globalThis as WithSql;
	if (!g[key]) {
		const url = process.env.DATABASE_URL;
		if (!url)
			throw new Error('DATABASE_URL is not set: start the server through server/index.ts or npm run dev');
		g[key] = createSql(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
	}
	return g[key];
}

/** For tests and CLIs that manage their own pool. */
export function setSql(sql: Sql | undefined) {
	(globalThis as WithSql)[key] = sql;
}

/** Ends the process-wide pool (server shutdown). */
export async function closeSql(): Promise<void> {
	const g = globalThis as WithSql;
	const sql = g[key];
	g[key] = undefined;
	await sql?.end({ timeout: 5 });
}
