// The coarse tables behind the ministry's year-long views (0005_national_days.sql) say what the
// tickets and surveys say: the MPP-day rollup equals the tickets summed per MPP-local day, the survey
// totals move in the very statement that adds or removes an answer (a late answer from a phone
// included), and one catch-up check for all MPPs still re-rolls a closed day whose ticket changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHistory } from '../../src/lib/server/history/generate';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { nationalStats } from '../../src/lib/server/national/stats';
import { addDays } from '../../src/lib/domain/zoned-time';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { backfillStats } from '../../src/lib/server/stats/rollup';
import { answerSurvey } from '../../src/lib/server/survey/answer';
import { uuidv7 } from '../../src/lib/server/ids';
import type { SurveyAnswers } from '../../src/lib/domain/survey-elements';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
const range = { from: '2026-10-05', to: '2026-10-18' };
const later = new Date('2026-10-25T04:00:00Z');

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	for (const [i, mpp] of world.mpps.entries()) {
		await generateHistory(db.sql, { mppId: mpp.id, ...range, ticketsPerWeekday: 80, seed: 21 + i });
		await generateHistorySurveys(db.sql, { mppId: mpp.id, ...range, seed: 3 + i });
	}
	await backfillStats(db.sql, { now: later });
});

afterAll(async () => {
	await db?.drop();
});

const surveyTotalsDirect = () => db.sql`
	SELECT mpp_id::text, local_date::text, count(*)::int AS respondents, sum(persyaratan)::int AS persyaratan,
		sum(waktu)::int AS waktu, sum(sarana)::int AS sarana
	FROM surveys GROUP BY 1, 2 ORDER BY 1, 2`;
/** The week and month rows, and the same summed from the day rows: they must be equal. */
const periodsKept = () => db.sql`
	SELECT mpp_id::text, kind, local_date::text, issued, served, within_target, wait_hist
	FROM stats_mpp_periods ORDER BY 1, 2, 3`;
const periodsFromDays = () => db.sql`
	WITH d AS (
		SELECT mpp_id, k.kind, date_trunc(k.kind, local_date)::date AS p, issued, served, within_target, wait_hist
		FROM stats_mpp_days CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
	), h AS (
		SELECT mpp_id, kind, p, array_agg(x ORDER BY i) AS wait_hist FROM (
			SELECT mpp_id, kind, p, i, sum(wait_hist[i])::int AS x FROM d, generate_series(1, 35) AS i
			GROUP BY 1, 2, 3, 4) b
		GROUP BY 1, 2, 3
	)
	SELECT d.mpp_id::text, d.kind, d.p::text AS local_date, sum(d.issued)::int AS issued,
		sum(d.served)::int AS served, sum(d.within_target)::int AS within_target, h.wait_hist
	FROM d JOIN h USING (mpp_id, kind, p)
	GROUP BY d.mpp_id, d.kind, d.p, h.wait_hist ORDER BY 1, 2, 3`;
const surveyPeriodsKept = () => db.sql`
	SELECT mpp_id::text, kind, local_date::text, respondents, persyaratan, sarana
	FROM survey_mpp_periods ORDER BY 1, 2, 3`;
const surveyPeriodsFromDays = () => db.sql`
	SELECT mpp_id::text, k.kind, date_trunc(k.kind, local_date)::date::text AS local_date,
		sum(respondents)::int AS respondents, sum(persyaratan)::int AS persyaratan, sum(sarana)::int AS sarana
	FROM survey_mpp_days CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const surveyTotalsKept = () => db.sql`
	SELECT mpp_id::text, local_date::text, respondents, persyaratan, waktu, sarana
	FROM survey_mpp_days ORDER BY 1, 2`;

describe('the MPP-day rollup', () => {
	it('equals the tickets summed per MPP-local day', async () => {
		const direct = await db.sql`
			SELECT mpp_id::text, local_date::text, count(*)::int AS issued,
				count(*) FILTER (WHERE status = 'done')::int AS served,
				count(*) FILTER (WHERE status = 'no_show')::int AS no_show,
				round(coalesce(sum(extract(epoch FROM first_called_at - issued_at)), 0)::numeric, 3)::text AS wait_sum
			FROM tickets GROUP BY 1, 2 ORDER BY 1, 2`;
		const rolled = await db.sql`
			SELECT mpp_id::text, local_date::text, issued, served, no_show,
				round(wait_sum::numeric, 3)::text AS wait_sum
			FROM stats_mpp_days ORDER BY 1, 2`;
		// two MPPs × 14 days, less their two closed Sundays
		expect(direct.length).toBe(2 * 12);
		expect(rolled).toEqual(direct);
		// and its histograms hold every called ticket once
		const [hist] = await db.sql<{ bucketed: number; called: number }[]>`
			SELECT (SELECT sum(x)::int FROM stats_mpp_days, unnest(wait_hist) x) AS bucketed,
				(SELECT count(*)::int FROM tickets WHERE first_called_at IS NOT NULL) AS called`;
		expect(hist.bucketed).toBe(hist.called);
	});

	it('sums into weeks and months that equal their days', async () => {
		const kept = await periodsKept();
		// two MPPs × (two whole ISO weeks + October)
		expect(kept.length).toBe(2 * 3);
		expect(kept).toEqual(await periodsFromDays());
	});
});

describe('national figures read from weeks and months', () => {
	it('equal the same figures read day by day', async () => {
		const byDay = await nationalStats(db.sql, { ...range, groupBy: 'day', now: later });
		const byWeek = await nationalStats(db.sql, { ...range, groupBy: 'week', now: later });
		// the range is two whole ISO weeks: both come from stats_mpp_periods
		expect(byWeek.rows.map((r) => r.week)).toEqual(['2026-10-05', '2026-10-12']);
		for (const week of byWeek.rows) {
			const days = byDay.rows.filter((d) => d.date! >= week.week! && d.date! <= addDays(week.week!, 6));
			expect(week.issued).toBe(days.reduce((sum, d) => sum + d.issued, 0));
			expect(week.served).toBe(days.reduce((sum, d) => sum + d.served, 0));
			expect(week.ikm.respondents).toBe(days.reduce((sum, d) => sum + d.ikm.respondents, 0));
		}
		expect(byWeek.total).toEqual(byDay.total);
		// a whole month too: October, read as one row per MPP
		const october = { from: '2026-10-01', to: '2026-10-31' };
		const byMonth = await nationalStats(db.sql, { ...october, groupBy: 'month', now: later });
		const octoberByDay = await nationalStats(db.sql, { ...october, groupBy: 'day', now: later });
		expect(byMonth.rows).toHaveLength(1);
		expect(byMonth.total).toEqual(octoberByDay.total);
	});
});

describe('the survey totals per MPP-local day', () => {
	it('equal the answers, for answers written by COPY', async () => {
		const kept = await surveyTotalsKept();
		expect(kept.length).toBeGreaterThan(10);
		expect(kept).toEqual(await surveyTotalsDirect());
		expect(await surveyPeriodsKept()).toEqual(await surveyPeriodsFromDays());
	});

	it('take a late answer from a phone in the same statement, and lose a removed one', async () => {
		const mpp = world.mpps[0];
		const [ticket] = await db.sql<{ id: string; trackCode: string; localDate: string; finishedAt: Date }[]>`
			SELECT t.id, t.track_code AS "trackCode", t.local_date::text AS "localDate",
				t.finished_at AS "finishedAt" FROM tickets t
			WHERE t.mpp_id = ${mpp.id} AND t.status = 'done'
				AND NOT EXISTS (SELECT 1 FROM surveys v WHERE v.ticket_id = t.id)
			ORDER BY t.local_date LIMIT 1`;
		const dayOf = async () => {
			const [row] = await db.sql<{ respondents: number; sarana: number }[]>`
				SELECT respondents, sarana FROM survey_mpp_days
				WHERE mpp_id = ${mpp.id} AND local_date = ${ticket.localDate}`;
			return row ?? { respondents: 0, sarana: 0 };
		};
		const before = await dayOf();
		const answers: SurveyAnswers = {
			persyaratan: 4,
			prosedur: 3,
			waktu: 2,
			biaya: 4,
			produk: 3,
			kompetensi: 4,
			perilaku: 4,
			pengaduan: 3,
			sarana: 1
		};
		// the next day, when the service's day is closed (the survey itself stays open until that day ends)
		await answerSurvey(db.sql, {
			trackCode: ticket.trackCode,
			body: { answers, profile: {}, comment: null },
			actor: { kind: 'anonymous' },
			now: new Date(ticket.finishedAt.getTime() + 24 * 3600_000)
		});
		expect(await dayOf()).toEqual({ respondents: before.respondents + 1, sarana: before.sarana + 1 });

		// a ticket removed with its MPP's data takes its answer out of the totals
		await db.sql`DELETE FROM tickets WHERE id = ${ticket.id}`;
		expect(await dayOf()).toEqual(before);
		expect(await surveyTotalsKept()).toEqual(await surveyTotalsDirect());
		expect(await surveyPeriodsKept()).toEqual(await surveyPeriodsFromDays());
	});

	it('refuse an edit of an answer, which would bypass them', async () => {
		await expect(db.sql`UPDATE surveys SET sarana = 4`).rejects.toThrow(/append-only/);
		expect(await surveyTotalsKept()).toEqual(await surveyTotalsDirect());
	});
});

describe('the ministry’s one catch-up check', () => {
	it('re-rolls a closed day whose ticket changed, and leaves the others alone', async () => {
		const mpp = world.mpps[1];
		const before = (await mppRanking(db.sql, { ...range, now: later })).find((r) => r.mppId === mpp.id)!;
		const [ticket] = await db.sql<{ id: string }[]>`
			SELECT id FROM tickets WHERE mpp_id = ${mpp.id} AND status = 'done' ORDER BY local_date LIMIT 1`;
		// a correction on a closed day, recorded as the queue engine records every change
		const at = new Date(later.getTime() + 60_000);
		await db.sql`UPDATE tickets SET status = 'no_show' WHERE id = ${ticket.id}`;
		await db.sql`INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at)
			VALUES (${uuidv7(at.getTime())}, ${ticket.id}, ${mpp.id}, 'no_show', ${at})`;

		const after = await mppRanking(db.sql, { ...range, now: new Date(at.getTime() + 60_000) });
		const row = after.find((r) => r.mppId === mpp.id)!;
		expect(row.served).toBe(before.served - 1);
		expect(row.noShow.count).toBe(before.noShow.count + 1);
		const other = after.find((r) => r.mppId !== mpp.id)!;
		const otherBefore = (await mppRanking(db.sql, { ...range, now: later })).find(
			(r) => r.mppId === other.mppId
		)!;
		expect(other.issued).toBe(otherBefore.issued);
	});

	it('ranks MPPs by size from their tickets per open day', async () => {
		const ranking = await mppRanking(db.sql, { ...range, now: later });
		for (const row of ranking) {
			expect(row.openDays).toBeGreaterThan(0);
			expect(row.openDays).toBeLessThanOrEqual(14);
			expect(row.size).toBe(row.issued / row.openDays < 300 ? 'small' : 'medium');
		}
	});
});
