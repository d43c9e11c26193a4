// National answers per standard service (issue 14) against hand-computed numbers: two MPPs map their
// KTP service to KTP_EL (Jakarta also serves KK, mapped elsewhere, which must not count); the figures
// per MPP, per province and nationally are the same live on the day and from the rollups a week later,
// and the API answers the same numbers as JSON and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { bucketOf } from '../../src/lib/domain/histogram';
import type { Actor } from '../../src/lib/server/auth/actor';
import { standardServiceCsv } from '../../src/lib/server/national/standard-service-csv';
import { standardServiceStats } from '../../src/lib/server/national/standard-service';
import { callNext, finish, issueTicket, start } from '../../src/lib/server/queue';
import { answerSurvey } from '../../src/lib/server/survey/answer';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;
const day = '2026-11-02';
// 08:00 local on 2 Nov 2026: 01:00 UTC in Jakarta (WIB), 00:00 UTC in Makassar (WITA)
const at = (mpp: MppFixture, seconds: number) =>
	new Date(Date.UTC(2026, 10, 2, mpp.timezone === 'Asia/Jakarta' ? 1 : 0, 0, seconds));
const allAnswers = (score: 1 | 2 | 3 | 4) => ({
	persyaratan: score,
	prosedur: score,
	waktu: score,
	biaya: score,
	produk: score,
	kompetensi: score,
	perilaku: score,
	pengaduan: score,
	sarana: score
});

/** Issues a ticket, has `counterId` call and serve it: wait and service time exactly as given. */
async function serve(
	mpp: MppFixture,
	serviceId: string,
	counterId: string,
	wait: number,
	service: number,
	survey?: 1 | 2 | 3 | 4
) {
	const { ticket } = await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: {}, now: at(mpp, 0) });
	const called = await callNext(db.sql, { counterId, actor: {}, now: at(mpp, wait) });
	expect(called.ticket?.id).toBe(ticket.id);
	await start(db.sql, { ticketId: ticket.id, actor: {}, now: at(mpp, wait) });
	await finish(db.sql, { ticketId: ticket.id, actor: {}, now: at(mpp, wait + service) });
	if (survey)
		await answerSurvey(db.sql, {
			trackCode: ticket.trackCode,
			body: { answers: allAnswers(survey), profile: {}, comment: null },
			actor: { kind: 'anonymous' },
			now: at(mpp, wait + service + 60)
		});
}

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const [jkt, mks] = world.mpps;
	await db.sql`UPDATE services SET standard_code = 'KTP_EL' WHERE id IN ${db.sql([jkt.services.a, mks.services.a])}`;
	await db.sql`UPDATE services SET standard_code = 'KK' WHERE id = ${jkt.services.b}`;
	// Jakarta: waits 60 and 600 s, service 300 and 600 s, both within the 30-minute target; IKM answers 4 and 3
	await serve(jkt, jkt.services.a, jkt.counters.two, 60, 300, 4);
	await serve(jkt, jkt.services.a, jkt.counters.two, 600, 600, 3);
	// Jakarta's KK, not KTP-el: a wait of 100 s that must not count
	await serve(jkt, jkt.services.b, jkt.counters.one, 100, 100, 1);
	// Makassar: a wait of 2400 s (over target), service 900 s; IKM answer 4
	await serve(mks, mks.services.a, mks.counters.two, 2400, 900, 4);
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const ministry = (): Actor => ({
	kind: 'user',
	user: { id: world.ministry.id, email: world.ministry.email, name: 'K', role: 'ministry', mppId: null },
	sessionId: 'session'
});
const sameBucket = (actual: number | null, exact: number) => expect(bucketOf(actual!)).toBe(bucketOf(exact));

describe.each([
	['live, on the day itself', new Date('2026-11-02T05:00:00Z')],
	['from the rollups, a week later', new Date('2026-11-09T03:00:00Z')]
])('KTP-el across MPPs (%s)', (_, now) => {
	it('per MPP, per province and nationally, as computed by hand', async () => {
		const r = await standardServiceStats(db.sql, ministry(), { code: 'KTP_EL', from: day, to: day, now });
		const [jkt, mks] = r.mpps;
		expect(r.mpps.map((m) => m.slug)).toEqual(['jakarta-uji', 'makassar-uji']);
		expect(jkt).toMatchObject({ issued: 2, served: 2, serviceLevel: 1 });
		expect(jkt.wait.avg).toBe(330);
		expect(jkt.service.avg).toBe(450);
		expect(jkt.ikm).toMatchObject({ value: 87.5, grade: 'B', respondents: 2 });
		expect(mks).toMatchObject({ issued: 1, served: 1, serviceLevel: 0 });
		expect(mks.wait.avg).toBe(2400);
		sameBucket(mks.wait.p50, 2400);
		expect(mks.ikm).toMatchObject({ value: 100, grade: 'A', respondents: 1 });

		// one province ("Uji"): the same as the nation
		expect(r.provinces).toHaveLength(1);
		expect(r.provinces[0]).toMatchObject({ province: 'Uji', mpps: 2, issued: 3 });
		expect(r.national).toMatchObject({ mpps: 2, issued: 3, served: 3, serviceLevel: 0.6667 });
		expect(r.national.wait.avg).toBe((60 + 600 + 2400) / 3);
		expect(r.national.service.avg).toBe((300 + 600 + 900) / 3);
		// the national median is the middle ticket of all three (600 s), not a mean of the MPPs' medians
		sameBucket(r.national.wait.p50, 600);
		// pooled answers: 2500 · (9·4 + 9·3 + 9·4) ÷ (9 · 3) = 91.67
		expect(r.national.ikm).toMatchObject({ value: 91.67, grade: 'A', respondents: 3 });
	});
});

describe('a range with whole months (issue 14: a year of one standard service)', () => {
	it('reads November from the month rollups and the partial months by day, to the same numbers', async () => {
		const now = new Date('2026-12-09T03:00:00Z');
		const r = await standardServiceStats(db.sql, ministry(), {
			code: 'KTP_EL',
			from: '2026-10-15',
			to: '2026-12-05',
			now
		});
		expect(r.national).toMatchObject({ mpps: 2, issued: 3, served: 3, serviceLevel: 0.6667 });
		expect(r.national.wait.avg).toBe((60 + 600 + 2400) / 3);
		sameBucket(r.national.wait.p50, 600);
		expect(r.national.ikm).toMatchObject({ value: 91.67, respondents: 3 });
		expect(r.mpps[0]).toMatchObject({ issued: 2, ikm: { value: 87.5, respondents: 2 } });
		// the month rows exist and hold November's KTP-el: no day row of November was read for them
		const [jkt] = world.mpps;
		const months = await db.sql<{ issued: number }[]>`
			SELECT issued FROM stats_service_months WHERE service_id = ${jkt.services.a} AND local_date = '2026-11-01'`;
		expect(months).toEqual([{ issued: 2 }]);
		const surveys = await db.sql<{ respondents: number; pengaduan: number }[]>`
			SELECT respondents, pengaduan FROM survey_service_months
			WHERE service_id = ${jkt.services.a} AND local_date = '2026-11-01'`;
		expect(surveys).toEqual([{ respondents: 2, pengaduan: 7 }]);
	});
});

describe('the CSV and the API', () => {
	it('the CSV has the page’s rows and numbers', async () => {
		const now = new Date('2026-11-09T03:00:00Z');
		const r = await standardServiceStats(db.sql, ministry(), { code: 'KTP_EL', from: day, to: day, now });
		const rows = parseCsv(standardServiceCsv(r));
		const col = (name: string) => rows[0].indexOf(name);
		expect(
			rows.slice(1).map((x) => [x[col('level')], x[col('mpp')], x[col('province')], x[col('issued')]])
		).toEqual([
			['mpp', 'jakarta-uji', 'Uji', '2'],
			['mpp', 'makassar-uji', 'Uji', '1'],
			['province', '', 'Uji', '3'],
			['national', '', '', '3']
		]);
		expect(rows[4][col('wait_avg_s')]).toBe('1020');
		expect(rows[4][col('ikm')]).toBe('91.67');
	});

	it('GET /api/v1/stats/standard-services/{code} answers the ministry in JSON or CSV, refuses others and bad input', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const url = `${app.url}/api/v1/stats/standard-services/KTP_EL?from=${day}&to=${day}`;
		const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { national: { issued: number; wait: { avg: number } } };
		expect(body.national.issued).toBe(3);
		expect(body.national.wait.avg).toBe(1020);
		const csv = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect((await csv.text()).split('\r\n')[0]).toMatch(/^standard_code,from,to,level,/);
		const admin = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
		expect((await fetch(url, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(403);
		for (const [path, status] of [
			['/api/v1/stats/standard-services/KTP_EL?from=2026-13-01', 400],
			['/api/v1/stats/standard-services/KTP_EL?from=2026-11-03&to=2026-11-02', 400],
			['/api/v1/stats/standard-services/KTP_EL?from=2025-01-01&to=2026-11-02', 400],
			['/api/v1/stats/standard-services/TIDAK_ADA', 404],
			['/api/v1/stats/standard-services/__proto__', 404]
		] as const) {
			const bad = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
			expect(bad.status, path).toBe(status);
			expect(((await bad.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
		}
	});

	it('the page and its CSV show the same numbers', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const page = await fetch(`${app.url}/ministry/services/KTP_EL?from=${day}&to=${day}`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('MPP jakarta-uji');
		expect(html).toContain('91,67 (A)');
		const csv = await fetch(`${app.url}/ministry/services/KTP_EL/stats.csv?from=${day}&to=${day}`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(csv.status).toBe(200);
		expect(await csv.text()).toContain('national,,,,2,3,3,');
		const bad = await fetch(`${app.url}/ministry/services/KTP_EL?from=kemarin`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(bad.status).toBe(400);
	});
});
