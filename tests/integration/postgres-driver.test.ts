// The installed postgres.js carries our guard against writing to a closed socket
// (server/patches/postgres-next-write.mjs): without it a database restart under load ended a node
// (fault-database-restart.test.ts caught it under CI load).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { adminUrl } from '../helpers/test-db';

const run = promisify(execFile);
const driver = (file: string) =>
	readFileSync(fileURLToPath(new URL(`../../node_modules/postgres/${file}`, import.meta.url)), 'utf8');

describe('postgres.js with a socket that closes under a query', () => {
	it('is the guarded driver, in both its module builds (npm install ran the patch)', () => {
		for (const file of ['src/connection.js', 'cjs/src/connection.js'])
			expect(driver(file)).toContain('antrean: guarded nextWrite');
	});

	it('fails the query with a connection error and keeps the process and the pool alive', async () => {
		const fixture = fileURLToPath(new URL('./fixtures/postgres-closed-write.mjs', import.meta.url));
		const { stdout } = await run(process.execPath, [fixture, adminUrl()], { timeout: 30_000 });
		expect(stdout).toMatch(/^survived .*CONNECTION_CLOSED.* 2$/m);
	});
});
