// Benchmark (DESIGN "Performance budgets"): 50 counters pressing "next" at once over ~10,000 waiting
// tickets on a fresh database. Prints calls per second, duplicates and lost tickets. Not a test: run
// it with `npm run bench:call-next` (DATABASE_URL's server, or embedded PostgreSQL 18 without it).
//   COUNTERS=50 SERVICES=10 PER_SERVICE=999 npx tsx tests/bench/call-next.ts
//   MPPS=10 npx tsx tests/bench/call-next.ts       # ten such MPPs at once (issue 15)
//   NODES=2 npx tsx tests/bench/call-next.ts       # each counter's calls alternate between two nodes
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../server/database';
import { localDate, localTime } from '../../src/lib/domain/local-day';
import type { OpeningHours } from '../../src/lib/domain/types';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { callNext } from '../../src/lib/server/queue';

const counters = Number(process.env.COUNTERS ?? 50);
const mppCount = Number(process.env.MPPS ?? 1);
// nodes of one process: each its own pool, so its own batch per MPP, as separate processes have
const nodeCount = Math.max(1, Number(process.env.NODES ?? 1));
const serviceCount = Number(process.env.SERVICES ?? 10);
const perService = Math.min(999, Number(process.env.PER_SERVICE ?? 999));
const priorityShare = 0.06; // DOMAIN profile
// The MPPs' zone: one whose local midnight is at least an hour away, so that a run never crosses it
// (callNext calls only the current local day; tickets set up before midnight would count as lost).
// Of WIB, WITA and WIT one always is.
const zone = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].find((z) => {
	const { minutes } = localTime(new Date(), z);
	return minutes >= 60 && minutes < 23 * 60;
})!;

const allDay = Object.fromEntries(
	['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]])
) as OpeningHours;

/**
 * CPU milliseconds the server processes of one database have used so far, from /proc (PostgreSQL on
 * this machine only; null otherwise). Unlike calls per second it does not depend on what else the
 * machine is running, so it tells what the same work would reach on a machine of its own.
 */
async function serverCpuMs(sql: Sql, database: string): Promise<number | null> {
	const rows = await sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = ${database}`;
	let ticks = 0;
	try {
		for (const { pid } of rows) {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks of 10 ms
		}
	} catch {
		return null;
	}
	return ticks * 10;
}

async function main() {
	let embedded: Database | undefined;
	let dir: string | undefined;
	let adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'antrean-bench-pg-'));
		// mkdtemp makes it 0700; as root, PostgreSQL runs as the `postgres` user and must reach inside
		chmodSync(dir, 0o755);
		embedded = await startEmbedded(join(dir, 'pg'), 'postgres');
		adminUrl = embedded.url;
	}
	const name = `antrean_bench_${Date.now()}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	// an experiment's schema or settings change, e.g. EXPERIMENT_SQL='DROP INDEX tickets_open_day_idx'
	// (BENCHMARKS.md records what each bought); runs before any connection of the calls opens
	if (process.env.EXPERIMENT_SQL) {
		const experiment = postgres(url.toString(), { max: 1, onnotice: () => {} });
		await experiment.unsafe(process.env.EXPERIMENT_SQL.replaceAll('$DATABASE', name));
		await experiment.end();
	}
	// the server's pool (DATABASE_POOL_SIZE, 10), and one connection more per MPP beyond 8: the calls of
	// one MPP share a transaction, so a node holds one connection per MPP calling at that moment
	const pool = () => createSql(url.toString(), Math.max(10, mppCount + 2));
	const nodes = Array.from({ length: nodeCount }, pool);
	const sql = nodes[0];
	try {
		const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
		const counterIds: string[] = [];
		for (let m = 0; m < mppCount; m++) await setUpMpp(m);
		async function setUpMpp(m: number) {
			const mpp = await insertMpp(sql, {
				slug: `bench-${m}`,
				name: `MPP Bench ${m}`,
				province: 'DKI Jakarta',
				city: 'Jakarta',
				timezone: zone,
				openingHours: allDay
			});
			const tenant = await insertTenant(sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
			const serviceIds: string[] = [];
			for (let i = 0; i < serviceCount; i++) {
				const prefix = String.fromCharCode(65 + i);
				const s = await insertService(sql, {
					mppId: mpp.id,
					tenantId: tenant.id,
					code: `S${prefix}`,
					prefix,
					name: prefix
				});
				serviceIds.push(s.id);
			}
			// The waiting tickets are set up in bulk: the benchmark measures calling, not issuing. They belong
			// to today: callNext calls only the MPP's current local day (a fixed date here called nothing).
			const today = localDate(new Date(), zone);
			await sql`
			INSERT INTO tickets (id, mpp_id, service_id, issued_service_id, local_date, seq, number, status,
				priority_group, track_code, issued_at, queued_at)
			SELECT gen_random_uuid(), ${mpp.id}, s.id, s.id, ${today}, n, s.prefix || lpad(n::text, 3, '0'), 'waiting',
				CASE WHEN random() < ${priorityShare} THEN 'lansia' END, md5(random()::text), at, at
			FROM services s, generate_series(1, ${perService}) n,
				LATERAL (SELECT now() - interval '3 hours' + n * interval '1 second' + random() * interval '1 second') q(at)
			WHERE s.mpp_id = ${mpp.id}`;
			for (let i = 0; i < counters; i++) {
				const c = await insertCounter(sql, {
					mppId: mpp.id,
					name: `Loket ${i + 1}`,
					serviceIds,
					status: 'open'
				});
				counterIds.push(c.id);
			}
		}
		await sql`ANALYZE tickets`;
		const tickets = serviceCount * perService * mppCount;

		// open every connection first, so that the CPU reading covers all the backends the calls use
		for (const node of nodes)
			await Promise.all(
				Array.from({ length: Math.max(10, mppCount + 2) }, () => node`SELECT pg_sleep(0.05)`)
			);
		// every counter's first two calls, one at a time and not measured: a node reads a counter's MPP on
		// its first call (to join the MPP's shared transaction, queue/mpp-batch.ts) once in its life, and the
		// first run of each statement on a connection prepares and plans it (the second call is the first
		// that finishes a ticket): no part of a busy morning's rate
		const calledBy = new Map<string, number>();
		for (const node of nodes)
			for (let round = 0; round < 2; round++)
				for (const counterId of counterIds) {
					const { ticket } = await callNext(node, { counterId, actor: {} });
					if (ticket) calledBy.set(ticket.id, 1);
				}
		const warmUp = calledBy.size;
		const serverCpuBefore = await serverCpuMs(sql, name);
		const nodeCpuBefore = process.cpuUsage();
		const started = performance.now();
		await Promise.all(
			counterIds.map(async (counterId) => {
				// a counter's presses reach the nodes in turn, as a load balancer spreads them
				for (let press = 0; ; press++) {
					const { ticket } = await callNext(nodes[press % nodes.length], { counterId, actor: {} });
					if (!ticket) return;
					calledBy.set(ticket.id, (calledBy.get(ticket.id) ?? 0) + 1);
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		const nodeCpu = process.cpuUsage(nodeCpuBefore);
		const serverCpuAfter = await serverCpuMs(sql, name);
		const measured = calledBy.size - warmUp;
		const perCall = (ms: number) => Number((ms / measured).toFixed(2));
		const nodeCpuMs = (nodeCpu.user + nodeCpu.system) / 1000;
		const serverCpu =
			serverCpuBefore !== null && serverCpuAfter !== null ? serverCpuAfter - serverCpuBefore : null;
		const duplicatesReturned = [...calledBy.values()].filter((n) => n > 1).length;
		const [db] = await sql<{ waiting: number; twice: number; called: number }[]>`
			SELECT (SELECT count(*)::int FROM tickets WHERE status = 'waiting') AS waiting,
				(SELECT count(*)::int FROM (SELECT ticket_id FROM ticket_events WHERE type = 'called'
					GROUP BY ticket_id HAVING count(*) > 1) d) AS twice,
				(SELECT count(DISTINCT ticket_id)::int FROM ticket_events WHERE type = 'called') AS called`;
		const lost = tickets - calledBy.size;
		const result = {
			date: new Date().toISOString().slice(0, 10),
			machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
			postgres: version.split(' on ')[0],
			database: embedded ? 'embedded' : 'DATABASE_URL',
			mpps: mppCount,
			timezone: zone,
			nodes: nodeCount,
			counters,
			services: serviceCount,
			tickets,
			calls: calledBy.size,
			seconds: Number(seconds.toFixed(2)),
			callsPerSecond: Math.round(measured / seconds),
			duplicates: duplicatesReturned + db.twice,
			lost: lost + db.waiting + (tickets - db.called),
			cpuMsPerCall: { node: perCall(nodeCpuMs), postgres: serverCpu === null ? null : perCall(serverCpu) },
			// what 2 cores would sustain if this process and its PostgreSQL had the machine to themselves
			callsPerSecondCpuBound:
				serverCpu === null ? null : Math.round((cpus().length * 1000 * measured) / (nodeCpuMs + serverCpu)),
			loadAverage: loadavg().map((x) => Number(x.toFixed(1)))
		};
		console.log(JSON.stringify(result, null, 2));
		// issue 15's targets: ≥ 1,000 calls/s and ≤ 1 ms of PostgreSQL CPU per call, none doubled or lost
		const cpuOk = result.cpuMsPerCall.postgres === null || result.cpuMsPerCall.postgres <= 1;
		const ok = result.callsPerSecond >= 1000 && cpuOk && result.duplicates === 0 && result.lost === 0;
		console.log(
			ok
				? 'within budget (≥ 1,000 calls/s, ≤ 1 ms PostgreSQL CPU per call, 0 duplicates, 0 lost)'
				: 'OUTSIDE BUDGET (≥ 1,000 calls/s, ≤ 1 ms PostgreSQL CPU per call, 0 duplicates, 0 lost)'
		);
		process.exitCode = ok ? 0 : 1;
	} finally {
		await Promise.all(nodes.map((node) => node.end({ timeout: 5 })));
		await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
		await embedded?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

await main();
