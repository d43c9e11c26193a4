// A fresh, migrated database per test file, on the server the global setup chose.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { migrate } from '../../server/database';
import { stopBeats } from '../../src/lib/server/bus/beat';
import { stopBus } from '../../src/lib/server/bus/start';
import { createSql, setSql, type Sql } from '../../src/lib/server/db/client';

export interface TestDatabase {
	url: string;
	sql: Sql;
	drop(): Promise<void>;
}

export function adminUrl(): string {
	return inject('adminDatabaseUrl');
}

export function urlForDatabase(base: string, name: string): string {
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Creates `antrean_test_<random>`, migrates it, and makes it this process's `getSql()` pool. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const name = `antrean_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = urlForDatabase(adminUrl(), name);
	if (options.migrate !== false) await migrate(url);
	const sql = createSql(url, 20);
	setSql(sql);
	process.env.DATABASE_URL = url;
	return {
		url,
		sql,
		async drop() {
			// a bus listener or a beat left running would reconnect to a database that is gone
			await stopBeats();
			await stopBus();
			await sql.end({ timeout: 5 });
			setSql(undefined);
			const again = postgres(adminUrl(), { max: 1, onnotice: () => {} });
			await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await again.end();
		}
	};
}
