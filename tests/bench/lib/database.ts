// A fresh, migrated database for one benchmark run: on DATABASE_URL's server, else on an embedded
// PostgreSQL 18 in a temporary directory. Dropped (and the embedded server stopped) by `drop()`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../../server/database';

export async function benchDatabase(prefix: string) {
	let embedded: Database | undefined;
	let dir: string | undefined;
	let adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'antrean-bench-pg-'));
		// mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must reach inside
		chmodSync(dir, 0o755);
		embedded = await startEmbedded(join(dir, 'pg'), 'postgres');
		adminUrl = embedded.url;
	}
	const name = `antrean_bench_${prefix}_${Date.now()}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	const [{ version }] = await admin<{ version: string }[]>`SELECT version()`;
	return {
		url: url.toString(),
		name,
		/** "PostgreSQL 15.20" */
		version: version.split(' on ')[0].split(',')[0],
		async drop() {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
			await embedded?.stop();
			if (dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}
