// Benchmark (issue 4, DESIGN "Performance budgets"): a large MPP with 12 months of history
// (≈ 1,500 tickets per working day) and a busy today. Prints p50/p95 of the today view (live stats
// and today's KPIs) and of a 12-month history query for every groupBy, then the history generator's
// tickets per minute (seed:history, rollups included) with the CPU it cost. Not a test: run it with
// `npm run bench:stats` (DATABASE_URL's server, or embedded PostgreSQL 18 without it).
//   DAYS=365 PER_WEEKDAY=1500 RUNS=60 GEN_MPPS=20 GEN_DAYS=60 npx tsx tests/bench/stats.ts
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../server/database';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { findMppBySlug } from '../../src/lib/server/db/mpps';
import { seedMpp } from '../../src/lib/server/demo/seed';
import { demoMpps } from '../../src/lib/server/demo/profile';
import { generateHistory } from '../../src/lib/server/history/generate';
import { liveStats } from '../../src/lib/server/stats/live';
import { mppStats, statsGroupBys } from '../../src/lib/server/stats/query';
import { seedHistory } from '../../src/lib/server/stats/seed-history';

const days = Number(process.env.DAYS ?? 365);
const perWeekday = Number(process.env.PER_WEEKDAY ?? 1500);
const runs = Number(process.env.RUNS ?? 60);
const genMpps = Number(process.env.GEN_MPPS ?? 20);
const genDays = Number(process.env.GEN_DAYS ?? 60);

/** CPU milliseconds used so far by the server processes of one database (this machine only). */
async function serverCpuMs(sql: Sql, database: string): Promise<number | null> {
	const rows = await sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${database}`;
	let ticks = 0;
	try {
		for (const { pid } of rows) {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		}
	} catch {
		return null;
	}
	return ticks * 10;
}

async function timings(label: string, work: () => Promise<unknown>) {
	for (let i = 0; i < 5; i++) await work();
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

/** A large MPP (the demo's Bandung catalogue: 16 agencies, 38 counters) under its own slug. */
async function largeMpp(sql: Sql) {
	const template = demoMpps.find((m) => m.size === 'large')!;
	await sql.begin((tx) => seedMpp(tx, { ...template, slug: 'bench-besar' }, new Map()));
	return (await findMppBySlug(sql, 'bench-besar'))!;
}

/**
 * Today as a manager sees it mid-morning: a full generated day whose later half has not happened yet,
 * so those tickets wait, a few are being served, the rest are done.
 */
async function busyToday(sql: Sql, mppId: string, today: string) {
	await generateHistory(sql, { mppId, from: today, to: today, ticketsPerWeekday: perWeekday, seed: 99 });
	await sql`
		WITH ordered AS (
			SELECT id, row_number() OVER (ORDER BY issued_at) AS n, count(*) OVER () AS total
			FROM tickets WHERE mpp_id = ${mppId} AND local_date = ${today})
		UPDATE tickets t SET
			status = CASE WHEN o.n > o.total * 0.6 THEN 'waiting' ELSE 'serving' END,
			first_called_at = CASE WHEN o.n > o.total * 0.6 THEN NULL ELSE t.first_called_at END,
			called_at = CASE WHEN o.n > o.total * 0.6 THEN NULL ELSE t.called_at END,
			started_at = CASE WHEN o.n > o.total * 0.6 THEN NULL ELSE coalesce(t.started_at, t.called_at) END,
			finished_at = NULL,
			counter_id = CASE WHEN o.n > o.total * 0.6 THEN NULL ELSE t.counter_id END,
			call_count = CASE WHEN o.n > o.total * 0.6 THEN 0 ELSE t.call_count END
		FROM ordered o WHERE o.id = t.id AND o.n > o.total * 0.55`;
	// the counters hold the tickets being served, as the engine would have left them
	await sql`
		UPDATE counters c SET status = 'open', current_ticket_id = s.id FROM (
			SELECT DISTINCT ON (counter_id) counter_id, id FROM tickets
			WHERE mpp_id = ${mppId} AND local_date = ${today} AND status = 'serving' ORDER BY counter_id, issued_at DESC
		) s WHERE c.id = s.counter_id`;
}

async function main() {
	let embedded: Database | undefined;
	let dir: string | undefined;
	let adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'antrean-bench-pg-'));
		chmodSync(dir, 0o755);
		embedded = await startEmbedded(join(dir, 'pg'), 'postgres');
		adminUrl = embedded.url;
	}
	const name = `antrean_bench_stats_${Date.now()}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	const sql = createSql(url.toString(), 6);
	try {
		const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
		const now = new Date();
		const mpp = await largeMpp(sql);
		const today = localDate(now, mpp.timezone);
		const yesterday = addDays(today, -1);
		const from = addDays(today, -days);

		let started = performance.now();
		const history = await generateHistory(sql, {
			mppId: mpp.id,
			from,
			to: yesterday,
			ticketsPerWeekday: perWeekday,
			seed: 1
		});
		const historySeconds = (performance.now() - started) / 1000;
		await busyToday(sql, mpp.id, today);
		await sql`ANALYZE`;
		console.log(
			JSON.stringify({
				setup: `${history.tickets} tickets over ${history.days} working days in ${historySeconds.toFixed(1)} s`
			})
		);

		const results = [];
		results.push(await timings('today: liveStats (KPIs, queues, counters)', () => liveStats(sql, mpp)));
		results.push(
			await timings('today: stats groupBy=service', () =>
				mppStats(sql, mpp, { from: today, to: today, groupBy: 'service' })
			)
		);
		for (const groupBy of statsGroupBys) {
			results.push(
				await timings(`12 months: stats groupBy=${groupBy}`, () =>
					mppStats(sql, mpp, { from: addDays(today, -365), to: yesterday, groupBy })
				)
			);
		}

		// the generator: seed:history over many MPPs, rollups included, with the CPU it used
		await Promise.all(Array.from({ length: 4 }, () => sql`SELECT 1`));
		const serverBefore = await serverCpuMs(sql, name);
		const nodeBefore = process.cpuUsage();
		started = performance.now();
		const seeded = await seedHistory(sql, { mpps: genMpps, days: genDays, parallel: 2 });
		const seconds = (performance.now() - started) / 1000;
		const node = process.cpuUsage(nodeBefore);
		const serverAfter = await serverCpuMs(sql, name);
		const cpuSeconds =
			(node.user + node.system) / 1e6 +
			(serverBefore !== null && serverAfter !== null ? (serverAfter - serverBefore) / 1000 : 0);
		const generator = {
			mpps: genMpps,
			days: genDays,
			tickets: seeded.tickets,
			seconds: Number(seconds.toFixed(1)),
			ticketsPerMinute: Math.round((seeded.tickets / seconds) * 60),
			cpuSecondsNodeAndPostgres: Number(cpuSeconds.toFixed(1)),
			// what two otherwise idle cores would reach if the work spread over both
			ticketsPerMinuteOnTwoIdleCores: Math.round((seeded.tickets / cpuSeconds) * 60 * 2)
		};
		console.log(JSON.stringify({ generator }));
		console.log(
			JSON.stringify({
				machine: {
					cpus: cpus().length,
					memGiB: Math.round(totalmem() / 2 ** 30),
					loadavg: loadavg().map((l) => l.toFixed(1)),
					postgres: version.split(',')[0]
				}
			})
		);
	} finally {
		await sql.end({ timeout: 5 });
		await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
		await embedded?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
