// The History tab's heatmap and wait distribution (mppDistribution) tell the same story as the stats
// API over the same range: closed days from the rollups and today from the tickets, in the MPP's zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { histogramTotal } from '../../src/lib/domain/histogram';
import { generateHistory } from '../../src/lib/server/history/generate';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { mppDistribution } from '../../src/lib/server/stats/distribution';
import { mppStats } from '../../src/lib/server/stats/query';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let mpp: MppFixture;
// Monday 9 Nov 2026, 12:00 WITA; the range runs from two Mondays before to today
const now = new Date('2026-11-09T04:00:00Z');
const range = { from: '2026-10-26', to: '2026-11-09' };

beforeAll(async () => {
	db = await createTestDatabase();
	mpp = (await createWorld(db.sql)).mpps[1]; // makassar-uji, Asia/Makassar (WITA, UTC+8)
	await generateHistory(db.sql, {
		mppId: mpp.id,
		from: range.from,
		to: '2026-11-08',
		ticketsPerWeekday: 60,
		seed: 7
	});
	// today, live: two tickets at 08:30 WITA (00:30 UTC), one of them called ten minutes later
	for (let i = 0; i < 2; i++) {
		await issueTicket(db.sql, {
			mppId: mpp.id,
			serviceId: mpp.services.a,
			actor: {},
			now: new Date(Date.UTC(2026, 10, 9, 0, 30, i))
		});
	}
	await callNext(db.sql, {
		counterId: mpp.counters.one,
		actor: {},
		now: new Date(Date.UTC(2026, 10, 9, 0, 40))
	});
});

afterAll(async () => {
	await db?.drop();
});

describe('History distribution', () => {
	it('counts every ticket of the range once, by local weekday and hour, like the stats API', async () => {
		const distribution = await mppDistribution(db.sql, mpp, range, now);
		const [byWeekday, byHour] = await Promise.all([
			mppStats(db.sql, mpp, { ...range, groupBy: 'weekday' }, now),
			mppStats(db.sql, mpp, { ...range, groupBy: 'hour' }, now)
		]);
		expect(byWeekday.total.issued).toBeGreaterThan(300);
		const sum = (values: number[]) => values.reduce((s, n) => s + n, 0);
		expect(sum(distribution.arrivals.flat())).toBe(byWeekday.total.issued);
		for (const row of byWeekday.rows) expect(sum(distribution.arrivals[row.weekday!])).toBe(row.issued);
		for (const row of byHour.rows) {
			expect(sum(distribution.arrivals.map((day) => day[row.hour!]))).toBe(row.issued);
		}
	});

	it('puts today’s live tickets at their local hour, and counts each called ticket’s wait once', async () => {
		const distribution = await mppDistribution(db.sql, mpp, { from: '2026-11-09', to: '2026-11-09' }, now);
		expect(distribution.arrivals[1][8]).toBe(2); // Monday, 08:00–09:00 WITA
		expect(histogramTotal(distribution.waitHistogram)).toBe(1);

		const whole = await mppDistribution(db.sql, mpp, range, now);
		const stats = await mppStats(db.sql, mpp, { ...range, groupBy: 'day' }, now);
		expect(histogramTotal(whole.waitHistogram)).toBe(stats.total.called);
	});
});
