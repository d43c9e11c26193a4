// `npm run demo` seeds the past once: realistic days up to yesterday, today left empty, nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHistory } from '../../src/lib/server/demo/history';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
// a Wednesday noon in Bandung, so the seven days before hold five working days and a Saturday
const now = new Date('2026-11-25T05:00:00Z');

beforeAll(async () => {
	db = await createTestDatabase();
	await seedDemo(db.sql);
});

afterAll(async () => {
	await db?.drop();
});

describe('demo history', () => {
	it('fills the past days up to yesterday for every demo MPP, and leaves today empty', async () => {
		const first = await seedDemoHistory(db.sql, { days: 7, now });
		expect(first.tickets).toBeGreaterThan(1000);
		const rows = await db.sql<{ slug: string; from: string; to: string; days: number; tickets: number }[]>`
			SELECT m.slug, min(t.local_date)::text AS from, max(t.local_date)::text AS to,
				count(DISTINCT t.local_date)::int AS days, count(*)::int AS tickets
			FROM tickets t JOIN mpps m ON m.id = t.mpp_id GROUP BY m.slug ORDER BY m.slug`;
		expect(rows.map((r) => r.slug)).toEqual(['bandung', 'denpasar', 'jayapura']);
		for (const row of rows) {
			expect(row.from >= '2026-11-18').toBe(true);
			expect(row.to).toBe('2026-11-24');
		}
		// the large MPP is busier than the small one
		expect(rows[0].tickets).toBeGreaterThan(rows[2].tickets);
		expect(first.tickets).toBe(rows.reduce((sum, r) => sum + r.tickets, 0));
		// a demo visitor takes today's first ticket: numbering of today starts at 001
		const [today] = await db.sql`SELECT count(*)::int AS n FROM tickets WHERE local_date = '2026-11-25'`;
		expect(today.n).toBe(0);
	});

	it('adds nothing when the demo starts again', async () => {
		const [before] = await db.sql`SELECT count(*)::int AS n FROM tickets`;
		const again = await seedDemoHistory(db.sql, { days: 7, now });
		expect(again).toMatchObject({ tickets: 0, days: 0 });
		const [after] = await db.sql`SELECT count(*)::int AS n FROM tickets`;
		expect(after.n).toBe(before.n);
	});
});
