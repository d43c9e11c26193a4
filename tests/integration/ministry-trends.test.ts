// The ministry's trends, distribution and grade changes (issue 5) on a known world: six MPPs in three
// provinces and all three time zones, two months of generated tickets, survey answers written with
// fixed scores so grades are known, and one MPP whose citizens waited three hours longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tukeyOutliers } from '../../src/lib/domain/outliers';
import { periodsBetween } from '../../src/lib/domain/periods';
import type { Db } from '../../src/lib/server/db/client';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { generateHistory } from '../../src/lib/server/history/generate';
import { nationalDistribution } from '../../src/lib/server/national/distribution';
import { gradeChanges } from '../../src/lib/server/national/grade-changes';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { nationalStats } from '../../src/lib/server/national/stats';
import { nationalTrends } from '../../src/lib/server/national/trends';
import { rebuildStats } from '../../src/lib/server/stats/rollup';
import { parseMinistryQuery } from '../../src/routes/ministry/query.server';
import { parseGradesQuery } from '../../src/routes/ministry/grades/query.server';
import { parseTrendsQuery } from '../../src/routes/ministry/trends/query.server';
import { allDay, createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
const range = { from: '2026-09-01', to: '2026-10-31' };
const september = { from: '2026-09-01', to: '2026-09-30' };
const october = { from: '2026-10-01', to: '2026-10-31' };
// every day of the range is closed: figures come from the rollups
const now = new Date('2026-11-10T04:00:00Z');
const ids: Record<string, string> = {};

async function addMpp(sql: Db, slug: string, province: string, timezone: string): Promise<string> {
	const mpp = await insertMpp(sql, {
		slug,
		name: `MPP ${slug}`,
		province,
		city: slug,
		timezone,
		openingHours: allDay
	});
	const tenant = await insertTenant(sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const service = await insertService(sql, {
		mppId: mpp.id,
		tenantId: tenant.id,
		code: 'KTP',
		prefix: 'A',
		name: 'KTP-el'
	});
	for (const name of ['Loket 1', 'Loket 2'])
		await insertCounter(sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			name,
			serviceIds: [service.id],
			status: 'open'
		});
	return mpp.id;
}

/** Every served ticket of an MPP in a stretch answers the survey with one score on all nine elements. */
async function answerAll(sql: Db, mppId: string, stretch: { from: string; to: string }, score: number) {
	await sql`
		INSERT INTO surveys (id, ticket_id, mpp_id, service_id, counter_id, answered_at, local_date, persyaratan,
			prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana, channel)
		SELECT gen_random_uuid(), t.id, t.mpp_id, t.service_id, t.counter_id, t.finished_at, t.local_date,
			${score}, ${score}, ${score}, ${score}, ${score}, ${score}, ${score}, ${score}, ${score}, 'phone'
		FROM tickets t
		WHERE t.mpp_id = ${mppId} AND t.status = 'done' AND t.local_date BETWEEN ${stretch.from} AND ${stretch.to}`;
}

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	ids['jakarta-uji'] = world.mpps[0].id;
	ids['makassar-uji'] = world.mpps[1].id;
	ids['denpasar-uji'] = await addMpp(db.sql, 'denpasar-uji', 'Bali', 'Asia/Makassar');
	ids['badung-uji'] = await addMpp(db.sql, 'badung-uji', 'Bali', 'Asia/Makassar');
	ids['jayapura-uji'] = await addMpp(db.sql, 'jayapura-uji', 'Papua', 'Asia/Jayapura');
	ids['merauke-uji'] = await addMpp(db.sql, 'merauke-uji', 'Papua', 'Asia/Jayapura');
	const volume: Record<string, number> = { 'jakarta-uji': 70, 'denpasar-uji': 50, 'badung-uji': 30 };
	for (const [i, [slug, mppId]] of Object.entries(ids).entries()) {
		await generateHistory(db.sql, { mppId, ...range, ticketsPerWeekday: volume[slug] ?? 40, seed: 31 + i });
	}
	// Merauke's citizens waited three hours more for their first call: a long-wait outlier
	await db.sql`
		UPDATE tickets SET issued_at = issued_at - interval '3 hours', queued_at = queued_at - interval '3 hours'
		WHERE mpp_id = ${ids['merauke-uji']}`;
	await rebuildStats(db.sql, ids['merauke-uji'], range.from, range.to);
	// grades: Denpasar rises C → A, Jayapura falls A → C, the others stay A
	for (const [slug, mppId] of Object.entries(ids)) {
		await answerAll(db.sql, mppId, september, slug === 'denpasar-uji' ? 3 : 4);
		await answerAll(db.sql, mppId, october, slug === 'jayapura-uji' ? 3 : 4);
	}
});

afterAll(async () => {
	await db?.drop();
});

describe('trends', () => {
	it.each(['week', 'month'] as const)(
		'give each %s of a province the sum of its MPPs’ own figures for that period',
		async (granularity) => {
			const trends = await nationalTrends(db.sql, { ...range, granularity, province: 'Bali', now });
			expect(trends.points.map((p) => p.period)).toEqual(
				periodsBetween(range.from, range.to, granularity).map((p) => p.key)
			);
			expect(trends.total.mpps).toBe(2);
			for (const point of trends.points) {
				const rows = await mppRanking(db.sql, {
					from: point.from,
					to: point.to,
					now,
					filter: { province: 'Bali' }
				});
				expect(rows.map((r) => r.slug).sort()).toEqual(['badung-uji', 'denpasar-uji']);
				const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
				expect(point.issued).toBe(sum((r) => r.issued));
				expect(point.served).toBe(sum((r) => r.served));
				expect(point.called).toBe(sum((r) => r.called));
				expect(point.ikm.respondents).toBe(sum((r) => r.ikm.respondents));
				if (point.called > 0) {
					// weighted by called tickets, never the mean of the two MPPs' averages (within two roundings)
					const weighted = sum((r) => (r.wait.avg ?? 0) * r.called) / point.called;
					expect(Math.abs(point.wait.avg! - weighted)).toBeLessThanOrEqual(0.1);
				}
			}
		}
	);

	it('mark cut periods partial and add up to the same national total as the provinces', async () => {
		const national = await nationalTrends(db.sql, {
			from: '2026-09-10',
			to: '2026-10-31',
			granularity: 'month',
			now
		});
		expect(national.points.map((p) => [p.period, p.partial])).toEqual([
			['2026-09', true],
			['2026-10', false]
		]);
		const byProvince = await nationalStats(db.sql, {
			from: '2026-09-10',
			to: '2026-10-31',
			groupBy: 'province',
			now
		});
		expect(byProvince.rows.map((r) => [r.province, r.mpps])).toEqual([
			['Bali', 2],
			['Papua', 2],
			['Uji', 2]
		]);
		const issued = national.points.reduce((s, p) => s + p.issued, 0);
		expect(issued).toBe(byProvince.rows.reduce((s, r) => s + r.issued, 0));
		expect(national.total.issued).toBe(issued);
		// September (partial) from the 10th: the ranking over those same dates says the same
		const september10 = await mppRanking(db.sql, { from: '2026-09-10', to: '2026-09-30', now });
		expect(national.points[0].issued).toBe(september10.reduce((s, r) => s + r.issued, 0));
	});
});

describe('distribution and outliers', () => {
	it('names the MPPs outside Tukey’s fences of average wait and IKM', async () => {
		const result = await nationalDistribution(db.sql, { ...october, now });
		expect(result.mpps).toBe(6);
		expect(result.wait.measured).toBe(6);
		expect(result.wait.bins.reduce((s, b) => s + b.count, 0)).toBe(6);
		expect(result.wait.outliers.map((o) => [o.mpp.slug, o.side])).toEqual([['merauke-uji', 'high']]);
		expect(result.wait.outliers[0].value).toBeGreaterThan(result.wait.fences!.upper);
		// every other IKM is 100 (all fours): Jayapura's 75 lies below the fence
		expect(result.ikm.outliers.map((o) => [o.mpp.slug, o.side, o.value])).toEqual([
			['jayapura-uji', 'low', 75]
		]);

		// the same rule applied by hand to the MPPs' own averages
		const ranking = await mppRanking(db.sql, { ...october, now });
		const byHand = tukeyOutliers(ranking, (r) =>
			r.wait.avg === null ? null : Math.round(r.wait.avg / 6) / 10
		);
		expect(byHand.fences).toEqual(result.wait.fences);
		expect(byHand.outliers.map((o) => o.item.slug)).toEqual(['merauke-uji']);
	});

	it('filters by province, time zone and size before the fences', async () => {
		const papua = await nationalDistribution(db.sql, { ...october, now, filter: { province: 'Papua' } });
		expect(papua.mpps).toBe(2);
		// two MPPs are too few for quartiles: nothing is named
		expect(papua.wait.fences).toBeNull();
		expect(papua.wait.outliers).toEqual([]);
		const wita = await nationalDistribution(db.sql, { ...october, now, filter: { zone: 'WITA' } });
		expect(wita.mpps).toBe(3);
		const small = await nationalDistribution(db.sql, { ...october, now, filter: { size: 'small' } });
		// every fixture MPP issues far fewer than 300 tickets a day
		expect(small.mpps).toBe(6);
		const large = await nationalDistribution(db.sql, { ...october, now, filter: { size: 'large' } });
		expect(large.mpps).toBe(0);
		expect(large.wait.bins).toEqual([]);
	});
});

describe('grade changes', () => {
	it('lists the MPPs whose IKM grade moved, falls first, with both values and respondents', async () => {
		const result = await gradeChanges(db.sql, { before: september, after: october, now });
		expect(result.compared).toBe(6);
		expect(
			result.changes.map((c) => [
				c.slug,
				c.direction,
				c.before.grade,
				c.after.grade,
				c.before.value,
				c.after.value
			])
		).toEqual([
			['jayapura-uji', 'down', 'A', 'C', 100, 75],
			['denpasar-uji', 'up', 'C', 'A', 75, 100]
		]);
		const [fall] = result.changes;
		const own = await mppRanking(db.sql, { ...september, now, filter: { province: 'Papua' } });
		expect(fall.before.respondents).toBe(own.find((r) => r.slug === 'jayapura-uji')!.ikm.respondents);
		expect(fall.before.respondents).toBeGreaterThan(0);
		expect(fall.after.respondents).toBeGreaterThan(0);
	});

	it('narrows to a province, and finds nothing where no grade moved', async () => {
		const bali = await gradeChanges(db.sql, {
			before: september,
			after: october,
			now,
			filter: { province: 'Bali' }
		});
		expect(bali.changes.map((c) => c.slug)).toEqual(['denpasar-uji']);
		const uji = await gradeChanges(db.sql, {
			before: september,
			after: october,
			now,
			filter: { province: 'Uji' }
		});
		expect(uji).toMatchObject({ compared: 2, changes: [] });
	});
});

describe('the pages’ addresses', () => {
	const params = (query: string) => new URLSearchParams(query);

	it('default to the last twelve months, last month and the last 30 days, up to yesterday', () => {
		expect(parseTrendsQuery(params(''), '2026-11-10')).toEqual({
			ok: true,
			query: { from: '2025-12-01', to: '2026-11-09', granularity: 'month', province: undefined }
		});
		expect(parseGradesQuery(params(''), '2026-01-05')).toEqual({
			ok: true,
			query: { after: '2025-12', before: '2025-11', province: undefined }
		});
		expect(parseMinistryQuery(params('size=medium&zone=WIT'), '2026-11-10')).toEqual({
			ok: true,
			query: { from: '2026-10-11', to: '2026-11-09', size: 'medium', zone: 'WIT', province: undefined }
		});
	});

	it('refuse bad values with a reason', () => {
		expect(parseMinistryQuery(params('size=huge'), '2026-11-10')).toMatchObject({ ok: false });
		expect(parseTrendsQuery(params('granularity=day'), '2026-11-10')).toMatchObject({ ok: false });
		expect(parseTrendsQuery(params('from=2024-01-01&to=2026-01-01'), '2026-11-10')).toMatchObject({
			ok: false
		});
		expect(parseGradesQuery(params('after=2026-13'), '2026-11-10')).toMatchObject({ ok: false });
		expect(parseGradesQuery(params('after=2026-05&before=2026-05'), '2026-11-10')).toMatchObject({
			ok: false
		});
	});
});
