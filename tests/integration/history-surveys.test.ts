// Generated history comes with citizens' survey answers (DOMAIN profile "satisfaction"): a plausible
// share of the served answer, the statistics show an IKM with its grade, and long waits rate lower.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../src/lib/server/history/generate';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { mppStats } from '../../src/lib/server/stats/query';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let written = 0;
// four weeks: enough short-wait respondents (~200) that the Waktu gap below is not a coin toss
const range = { from: '2026-09-01', to: '2026-09-28' };

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const mpp = world.mpps[0];
	// busy enough for some waits over an hour at the fixture's three counters
	await generateHistory(db.sql, { mppId: mpp.id, ...range, ticketsPerWeekday: 260, seed: 4 });
	written = await generateHistorySurveys(db.sql, { mppId: mpp.id, ...range, seed: 4 });
});

afterAll(async () => {
	await db?.drop();
});

describe('generated survey answers', () => {
	it('come from 10–25 % of the citizens served, a few minutes after their service, on its day', async () => {
		const mpp = world.mpps[0];
		const [row] = await db.sql<{ served: number; respondents: number; late: number; early: number }[]>`
			SELECT count(*) FILTER (WHERE t.status = 'done')::int AS served, count(v.id)::int AS respondents,
				count(*) FILTER (WHERE v.answered_at > t.finished_at + interval '15 minutes')::int AS late,
				count(*) FILTER (WHERE v.id IS NOT NULL AND (v.answered_at <= t.finished_at
					OR v.local_date <> t.local_date OR t.status <> 'done'))::int AS early
			FROM tickets t LEFT JOIN surveys v ON v.ticket_id = t.id
			WHERE t.mpp_id = ${mpp.id}`;
		expect(row.respondents).toBe(written);
		expect(row.respondents / row.served).toBeGreaterThanOrEqual(0.09);
		expect(row.respondents / row.served).toBeLessThanOrEqual(0.26);
		expect(row.late).toBe(0);
		expect(row.early).toBe(0);
		const channels = await db.sql<{ channel: string; n: number }[]>`
			SELECT channel, count(*)::int AS n FROM surveys WHERE mpp_id = ${mpp.id} GROUP BY 1 ORDER BY 2 DESC`;
		expect(channels.map((c) => c.channel)).toEqual(['phone', 'tablet']);
	});

	it('give the statistics an IKM in a plausible band, with its grade and respondents', async () => {
		const mpp = world.mpps[0];
		const stats = await mppStats(db.sql, mpp, { ...range, groupBy: 'day' }, new Date('2026-10-01T00:00:00Z'));
		const ikm = stats.total.ikm;
		expect(ikm.respondents).toBe(written);
		expect(ikm.value).toBeGreaterThanOrEqual(80);
		expect(ikm.value).toBeLessThanOrEqual(95);
		expect(['A', 'B']).toContain(ikm.grade);
		expect(ikm.requiredSample).toBeGreaterThan(0);
		// every working day has its own respondents
		for (const day of stats.rows.filter((r) => r.served > 0)) expect(day.ikm.respondents).toBeGreaterThan(0);
	});

	it('rate Waktu lower after a wait over an hour', async () => {
		const rows = await db.sql<{ long: boolean; n: number; waktu: number; biaya: number }[]>`
			SELECT (t.first_called_at - t.issued_at) > interval '60 minutes' AS long, count(*)::int AS n,
				avg(v.waktu)::float8 AS waktu, avg(v.biaya)::float8 AS biaya
			FROM surveys v JOIN tickets t ON t.id = v.ticket_id
			WHERE v.mpp_id = ${world.mpps[0].id} GROUP BY 1`;
		const long = rows.find((r) => r.long);
		const short = rows.find((r) => !r.long);
		expect(long?.n).toBeGreaterThan(30);
		expect(short?.n).toBeGreaterThan(30);
		// the profile's penalty is 0.3 on the latent score, ~0.2 on the 1–4 answers; the sampling error of
		// the gap at these counts is ~0.05, so 0.05 fails only when the penalty is really missing
		expect(short!.waktu - long!.waktu).toBeGreaterThan(0.05);
	});

	it('a second run over the same days adds no second answer to any ticket', async () => {
		const again = await generateHistorySurveys(db.sql, { mppId: world.mpps[0].id, ...range, seed: 4 });
		expect(again).toBe(0);
		const [row] = await db.sql`SELECT count(*)::int AS n FROM surveys`;
		expect(row.n).toBe(written);
	});
});
