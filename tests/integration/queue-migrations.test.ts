// Two app nodes starting at once both run migrate(): one applies the schema, the other waits on the
// advisory lock and then finds nothing to do. Both come up; the schema exists once.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationsDir } from '../../server/database';
import { issueTicket } from '../../src/lib/server/queue';
import { createWorld } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
	await db?.drop();
});

describe('migrations', () => {
	it('two servers migrating a fresh database at once both succeed and apply each file once', async () => {
		const files = readdirSync(migrationsDir)
			.filter((f) => f.endsWith('.sql'))
			.sort();
		const [first, second] = await Promise.all([migrate(db.url), migrate(db.url)]);
		expect([first, second].sort((x, y) => y.length - x.length)).toEqual([files, []]);

		const applied = await db.sql<{ name: string }[]>`SELECT name FROM schema_migrations ORDER BY name`;
		expect(applied.map((r) => r.name)).toEqual(files);
		const [tables] = await db.sql<{ n: number }[]>`
			SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'tickets'`;
		expect(tables.n).toBe(1);
		// a third start later is a no-op, and the schema works
		expect(await migrate(db.url)).toEqual([]);
		const world = await createWorld(db.sql);
		const [mpp] = world.mpps;
		const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
		expect(issued.ticket.number).toBe('A001');
	});
});
