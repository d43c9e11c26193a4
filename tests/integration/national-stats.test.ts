// National figures are sums of the MPPs' own figures (issue 5): counts add exactly, averages are
// weighted by their counts, the IKM comes from the pooled survey answers; and the ranking of an MPP
// says what that MPP's own statistics say, for closed days (rollups) and today (tickets) alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ikmValue, mergeTotals } from '../../src/lib/domain/ikm';
import { generateHistory } from '../../src/lib/server/history/generate';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { nationalStats } from '../../src/lib/server/national/stats';
import { surveyTotals } from '../../src/lib/server/db/stats-surveys';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { mppStats } from '../../src/lib/server/stats/query';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
const range = { from: '2026-10-05', to: '2026-10-11' };
// a week later: every day of the range is closed and read from rollups
const later = new Date('2026-10-20T04:00:00Z');
// the range's last day is "today" for both MPPs (11:00 WIB, 12:00 WITA): read from the tickets
const duringLastDay = new Date('2026-10-11T04:00:00Z');

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	for (const [i, mpp] of world.mpps.entries()) {
		await generateHistory(db.sql, { mppId: mpp.id, ...range, ticketsPerWeekday: 60 + 40 * i, seed: 11 + i });
		await generateHistorySurveys(db.sql, { mppId: mpp.id, ...range, seed: 5 + i });
	}
});

afterAll(async () => {
	await db?.drop();
});

const within = (actual: number | null, expected: number, tolerance: number) => {
	expect(actual).not.toBeNull();
	expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tolerance);
};

describe.each([
	['closed days, from rollups', later],
	['with today, from tickets', duringLastDay]
])('national figures (%s)', (_, now) => {
	it('rank each MPP with exactly its own statistics', async () => {
		const ranking = await mppRanking(db.sql, { ...range, now });
		expect(ranking.map((r) => r.slug).sort()).toEqual(['jakarta-uji', 'makassar-uji']);
		for (const mpp of world.mpps) {
			const own = await mppStats(db.sql, mpp, { ...range, groupBy: 'day' }, now);
			const row = ranking.find((r) => r.mppId === mpp.id)!;
			expect(row.issued).toBeGreaterThan(100);
			expect({ issued: row.issued, called: row.called, served: row.served, noShow: row.noShow }).toEqual({
				issued: own.total.issued,
				called: own.total.called,
				served: own.total.served,
				noShow: own.total.noShow
			});
			expect(row.wait).toEqual(own.total.wait);
			expect(row.serviceLevel).toBe(own.total.serviceLevel);
			expect(row.ikm.value).toBe(own.total.ikm.value);
			expect(row.ikm.respondents).toBe(own.total.ikm.respondents);
			expect(row.zone).toBe(mpp.timezone === 'Asia/Jakarta' ? 'WIB' : 'WITA');
		}
	});

	it('add counts exactly, weight averages by their counts and pool the survey answers', async () => {
		const ranking = await mppRanking(db.sql, { ...range, now });
		const { total } = await nationalStats(db.sql, { ...range, groupBy: 'day', now });
		const sum = (pick: (r: (typeof ranking)[number]) => number) => ranking.reduce((s, r) => s + pick(r), 0);

		expect(total.mpps).toBe(2);
		expect(total.issued).toBe(sum((r) => r.issued));
		expect(total.called).toBe(sum((r) => r.called));
		expect(total.served).toBe(sum((r) => r.served));
		expect(total.noShow.count).toBe(sum((r) => r.noShow.count));
		// answers round seconds to 0.1 and shares to 0.0001, the MPPs' and the nation's alike: within two roundings
		within(total.wait.avg, sum((r) => r.wait.avg! * r.called) / total.called, 0.1);
		within(total.serviceLevel, sum((r) => r.serviceLevel! * r.called) / total.called, 0.0002);
		// the two MPPs differ in size, so an unweighted mean of their averages would be another number
		const [a, b] = ranking;
		expect(a.issued).not.toBe(b.issued);

		const pooled = mergeTotals(
			await Promise.all(
				world.mpps.map(async (mpp) =>
					mergeTotals(await surveyTotals(db.sql, { mppId: mpp.id, ...range, groupBy: 'day' }))
				)
			)
		);
		expect(pooled.respondents).toBeGreaterThan(0);
		expect(total.ikm.respondents).toBe(pooled.respondents);
		expect(total.ikm.value).toBe(ikmValue(pooled));
	});

	it('give every national day the sum of the MPPs’ same local day, and the same total by zone', async () => {
		const byDay = await nationalStats(db.sql, { ...range, groupBy: 'day', now });
		const own = await Promise.all(
			world.mpps.map((mpp) => mppStats(db.sql, mpp, { ...range, groupBy: 'day' }, now))
		);
		// the generator opens Monday to Saturday: 11 Oct 2026 is a Sunday without tickets
		const days = [...new Set(own.flatMap((o) => o.rows.map((r) => r.date!)))].sort();
		expect(days).toEqual([
			'2026-10-05',
			'2026-10-06',
			'2026-10-07',
			'2026-10-08',
			'2026-10-09',
			'2026-10-10'
		]);
		expect(byDay.rows.map((r) => r.date)).toEqual(days);
		for (const row of byDay.rows) {
			const parts = own.map((o) => o.rows.find((r) => r.date === row.date));
			expect(row.issued).toBe(parts.reduce((s, p) => s + (p?.issued ?? 0), 0));
			expect(row.served).toBe(parts.reduce((s, p) => s + (p?.served ?? 0), 0));
		}

		const byZone = await nationalStats(db.sql, { ...range, groupBy: 'timezone', now });
		expect(byZone.rows.map((r) => [r.zone, r.mpps, r.issued])).toEqual([
			['WIB', 1, own[0].total.issued],
			['WITA', 1, own[1].total.issued]
		]);
		expect(byZone.total).toEqual(byDay.total);
		const byWeek = await nationalStats(db.sql, { ...range, groupBy: 'week', now });
		// 5 Oct 2026 is a Monday: the whole range is one ISO week
		expect(byWeek.rows.map((r) => [r.week, r.issued])).toEqual([['2026-10-05', byDay.total.issued]]);
	});
});
