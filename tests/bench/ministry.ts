// Benchmark (issue 5, DESIGN "Performance budgets": ministry dashboard over 12 months × 300 MPPs,
// p95 ≤ 300 ms). Run it on national-scale history made first by the generator:
//   DATABASE_URL=postgres://…/antrean_bench npm run seed:history -- --mpps 300 --days 365
//   DATABASE_URL=postgres://…/antrean_bench npm run bench:ministry
// It adds a busy "today" for every MPP (once), then prints p50/p95 of every query the ministry's pages
// make, called directly, and of the pages and API answers themselves over HTTP from the production
// build (`npm run build` first), signed in as a ministry user. Not a test: nothing here can fail a run.
//   RUNS=30 TODAY_PER_MPP=400 npx tsx tests/bench/ministry.ts
import { cpus, loadavg, totalmem } from 'node:os';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession } from '../../src/lib/server/auth/session';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { insertUser } from '../../src/lib/server/db/users';
import { generateHistory } from '../../src/lib/server/history/generate';
import { nationalDistribution } from '../../src/lib/server/national/distribution';
import { gradeChanges } from '../../src/lib/server/national/grade-changes';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { nationalTrends } from '../../src/lib/server/national/trends';
import { weeklyVisits } from '../../src/lib/server/national/weekly-visits';
import { weekdayOf } from '../../src/lib/domain/zoned-time';
import { nationalStats } from '../../src/lib/server/national/stats';
import { startAppServer } from '../helpers/app-server';

const runs = Number(process.env.RUNS ?? 30);
// PAGES=programme times only issue 14's programme pages over HTTP (catalogue answers, schedules,
// coverage with its map, matrix, readiness, complaints), skipping the national functions above them
const programmeOnly = process.env.PAGES === 'programme';
const todayPerMpp = Number(process.env.TODAY_PER_MPP ?? 400);

interface Period {
	from: string;
	to: string;
}

interface Timing {
	label: string;
	runs: number;
	p50: number;
	p95: number;
	max: number;
}

async function timings(label: string, work: () => Promise<unknown>): Promise<Timing> {
	for (let i = 0; i < 3; i++) await work();
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await work();
		ms.push(performance.now() - started);
	}
	ms.sort((a, b) => a - b);
	const at = (p: number) => Number(ms[Math.ceil(p * ms.length) - 1].toFixed(1));
	const result = { label, runs, p50: at(0.5), p95: at(0.95), max: at(1) };
	console.log(JSON.stringify(result));
	return result;
}

/** Every MPP's own today, generated once: the "today" figures read tickets, not rollups. */
async function busyToday(sql: Sql, now: Date): Promise<number> {
	const mpps = await sql<{ id: string; timezone: string; today: number }[]>`
		SELECT m.id, m.timezone,
			(SELECT count(*)::int FROM tickets t WHERE t.mpp_id = m.id
				AND t.local_date = (${now}::timestamptz AT TIME ZONE m.timezone)::date) AS today
		FROM mpps m WHERE m.active`;
	let added = 0;
	for (const mpp of mpps) {
		if (mpp.today > 0) continue;
		const today = localDate(now, mpp.timezone);
		const result = await generateHistory(sql, {
			mppId: mpp.id,
			from: today,
			to: today,
			ticketsPerWeekday: todayPerMpp,
			seed: 7
		});
		added += result.tickets;
	}
	return added;
}

async function ministrySession(sql: Sql): Promise<string> {
	const email = 'bench.ministry@antrean.test';
	let [user] = await sql<{ id: string }[]>`SELECT id FROM users WHERE email = ${email}`;
	if (!user) {
		user = await insertUser(sql, {
			email,
			name: 'Bench Kementerian',
			passwordHash: await hashPassword(`bench-${Date.now()}`),
			role: 'ministry',
			mppId: null
		});
	}
	return (await createSession(sql, user.id)).token;
}

async function main() {
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.error(
			'Set DATABASE_URL to a database filled by `npm run seed:history -- --mpps 300 --days 365`.'
		);
		process.exit(2);
	}
	const sql = createSql(url, 10);
	const results: Timing[] = [];
	try {
		const now = new Date();
		const [size] = await sql<
			{ mpps: number; tickets: number; surveys: number; first: string; last: string }[]
		>`
			SELECT (SELECT count(*)::int FROM mpps WHERE active) AS mpps,
				(SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM surveys) AS surveys,
				(SELECT min(local_date)::text FROM stats_mpp_days) AS first,
				(SELECT max(local_date)::text FROM stats_mpp_days) AS last`;
		const addedToday = await busyToday(sql, now);
		await sql`ANALYZE`;
		console.log(JSON.stringify({ data: { ...size, addedToday } }));

		// the periods the pages use: WIB's yesterday is closed for every MPP
		const to = addDays(localDate(now, 'Asia/Jakarta'), -1);
		const year = { from: addDays(to, -364), to };
		const month = { from: addDays(to, -29), to };
		const [{ province }] = await sql<{ province: string }[]>`
			SELECT province FROM mpps WHERE active GROUP BY province ORDER BY count(*) DESC LIMIT 1`;

		if (!programmeOnly) await functionTimings(sql, results, now, { year, month, to, province });

		// the pages and API answers as the ministry's browser and systems get them
		const token = await ministrySession(sql);
		const [{ slug }] = await sql<
			{ slug: string }[]
		>`SELECT slug FROM mpps WHERE active ORDER BY slug LIMIT 1`;
		const app = await startAppServer(url);
		try {
			const headers = { cookie: `antrean_session=${token}`, authorization: `Bearer ${token}` };
			const range = `from=${year.from}&to=${year.to}`;
			const national = [
				'/ministry',
				`/ministry?${range}`,
				'/ministry/trends',
				'/ministry/trends?granularity=week',
				'/ministry/distribution',
				'/ministry/grades',
				'/ministry/regions',
				'/ministry/report',
				'/ministry/report.csv',
				`/api/v1/stats/mpps?${range}`,
				`/api/v1/stats/national?${range}&groupBy=month`,
				`/api/v1/stats/national?${range}&groupBy=province`
			];
			// issue 14: the programme view
			const programme = [
				'/ministry/catalogue',
				'/ministry/services/KTP_EL',
				`/ministry/services/KTP_EL?${range}`,
				'/ministry/services/KTP_EL/stats.csv',
				'/ministry/services/PASPOR/lacking.csv',
				'/ministry/schedules',
				'/ministry/schedules/schedules.csv',
				'/ministry/coverage',
				'/ministry/coverage?map=ikm',
				'/ministry/coverage?map=serviceLevel',
				'/ministry/coverage/coverage.csv',
				'/ministry/matrix',
				'/ministry/matrix/matrix.csv',
				'/ministry/matrix/gaps.csv',
				'/ministry/readiness',
				'/ministry/readiness/readiness.csv',
				`/ministry/readiness/${slug}`,
				'/ministry/complaints',
				`/ministry/complaints?${range}`,
				'/ministry/complaints/complaints.csv'
			];
			for (const path of programmeOnly ? programme : [...national, ...programme]) {
				const probe = await fetch(app.url + path, { headers });
				if (!probe.ok) {
					console.log(JSON.stringify({ label: `GET ${path}`, skipped: `status ${probe.status}` }));
					continue;
				}
				results.push(
					await timings(`GET ${path}`, async () => {
						const response = await fetch(app.url + path, { headers });
						await response.arrayBuffer();
					})
				);
			}
		} finally {
			await app.stop();
		}

		const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
		console.log(JSON.stringify({ worstP95: worst, budgetMs: 300, withinBudget: worst.p95 <= 300 }));
		console.log(
			JSON.stringify({
				machine: {
					cpus: cpus().length,
					memGiB: Math.round(totalmem() / 2 ** 30),
					loadavg: loadavg().map((l) => l.toFixed(1)),
					postgres: (await sql<{ version: string }[]>`SELECT version()`)[0].version.split(',')[0]
				}
			})
		);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

/** The national functions the pages call, timed directly. */
async function functionTimings(
	sql: Sql,
	results: Timing[],
	now: Date,
	{ year, month, to, province }: { year: Period; month: Period; to: string; province: string }
) {
	results.push(
		await timings('today: national by zone (headline, live pulse)', () =>
			nationalStats(sql, { today: true, groupBy: 'timezone', now })
		)
	);
	results.push(
		await timings('30 days: national by zone (headline)', () =>
			nationalStats(sql, { ...month, groupBy: 'timezone', now })
		)
	);
	results.push(await timings('30 days: ranking of every MPP', () => mppRanking(sql, { ...month, now })));
	results.push(
		await timings('12 months: national by zone (headline)', () =>
			nationalStats(sql, { ...year, groupBy: 'timezone', now })
		)
	);
	results.push(await timings('12 months: ranking of every MPP', () => mppRanking(sql, { ...year, now })));
	for (const groupBy of ['day', 'week', 'month', 'province'] as const) {
		results.push(
			await timings(`12 months: national by ${groupBy}`, () => nationalStats(sql, { ...year, groupBy, now }))
		);
	}
	results.push(
		await timings(`12 months: one province by month (${province})`, () =>
			nationalStats(sql, { ...year, groupBy: 'month', now, filter: { province } })
		)
	);

	for (const granularity of ['week', 'month'] as const) {
		results.push(
			await timings(`12 months: trends by ${granularity}`, () =>
				nationalTrends(sql, { ...year, granularity, now })
			)
		);
	}
	results.push(
		await timings('12 months: distribution of MPP waits and IKMs', () =>
			nationalDistribution(sql, { ...year, now })
		)
	);
	results.push(
		await timings('grade changes: a month against the one before', () =>
			gradeChanges(sql, {
				before: { from: addDays(month.from, -30), to: addDays(month.from, -1) },
				after: month,
				now
			})
		)
	);
	// the last four complete weeks, Monday to Sunday
	const lastMonday = addDays(to, -((weekdayOf(to) + 6) % 7) - 7);
	results.push(
		await timings('weekly visit report: 4 weeks', () =>
			weeklyVisits(sql, { from: addDays(lastMonday, -21), to: lastMonday, now })
		)
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
