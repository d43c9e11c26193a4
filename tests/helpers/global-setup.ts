// Vitest global setup for integration tests: one PostgreSQL for the whole run.
// With DATABASE_URL (CI: this machine's PostgreSQL 15) each test file creates its own fresh
// database on that server; without it we start embedded PostgreSQL 18 in a temporary directory.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type Database } from '../../server/database';

let db: Database | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
	let adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'antrean-test-pg-'));
		// mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must reach inside
		chmodSync(dir, 0o755);
		db = await startEmbedded(join(dir, 'pg'), 'postgres');
		adminUrl = db.url;
	}
	project.provide('adminDatabaseUrl', adminUrl);
}

export async function teardown() {
	await db?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		adminDatabaseUrl: string;
	}
}
