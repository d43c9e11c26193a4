// Benchmark (DESIGN "Performance budgets", issue 12): the booking storm. 2,000 citizens press "book"
// at once for 100 places (Pontianak's server fell over at every release; Sidoarjo's 400 places went
// in a minute). Prints accepted, oversold and the latency of each attempt (p50/p95/max). Not a test:
// `npm run bench:booking` (DATABASE_URL's server, or embedded PostgreSQL 18 without it).
//   ATTEMPTS=2000 PLACES=100 CONNECTIONS=20 npx tsx tests/bench/booking.ts
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../server/database';
import { localDate } from '../../src/lib/domain/local-day';
import type { OpeningHours } from '../../src/lib/domain/types';
import { book } from '../../src/lib/server/booking/book';
import { createSql } from '../../src/lib/server/db/client';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';

const attempts = Number(process.env.ATTEMPTS ?? 2000);
const places = Number(process.env.PLACES ?? 100);
const connections = Number(process.env.CONNECTIONS ?? 20);

const allDay = Object.fromEntries(
	['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]])
) as OpeningHours;

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
	let embedded: Database | undefined;
	let dir: string | undefined;
	let adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		dir = mkdtempSync(join(tmpdir(), 'antrean-bench-pg-'));
		chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach inside
		embedded = await startEmbedded(join(dir, 'pg'), 'postgres');
		adminUrl = embedded.url;
	}
	const name = `antrean_bench_booking_${Date.now()}`;
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	const sql = createSql(url.toString(), connections);
	try {
		const [{ version }] = await sql<{ version: string }[]>`SELECT version()`;
		const mpp = await insertMpp(sql, {
			slug: 'storm',
			name: 'MPP Storm',
			province: 'Kalimantan Barat',
			city: 'Pontianak',
			timezone: 'Asia/Pontianak',
			openingHours: allDay
		});
		const tenant = await insertTenant(sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
		// the day's quota is the 100 places; each window has more than that, so only the ledger stops them
		const service = await insertService(sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			code: 'KTP',
			prefix: 'A',
			name: 'KTP-el',
			dailyQuota: places,
			expectedServiceMinutes: 1
		});
		await sql`UPDATE services SET booking_share = 100 WHERE id = ${service.id}`;
		for (let i = 0; i < 8; i++) {
			await insertCounter(sql, {
				mppId: mpp.id,
				name: `Loket ${i + 1}`,
				serviceIds: [service.id],
				status: 'open'
			});
		}
		const now = new Date();
		const tomorrow = localDate(new Date(now.getTime() + 86_400_000), mpp.timezone);
		const fullMpp = { ...mpp };
		const times = ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45'];
		await Promise.all(Array.from({ length: connections }, () => sql`SELECT 1`));

		const latencies: number[] = [];
		const refusals = new Map<string, number>();
		const started = performance.now();
		await Promise.all(
			Array.from({ length: attempts }, async (_, i) => {
				const t0 = performance.now();
				try {
					await book(sql, {
						mpp: fullMpp,
						serviceId: service.id,
						date: tomorrow,
						time: times[i % times.length],
						name: `Warga ${i}`,
						phone: `+62812${String(i).padStart(8, '0')}`,
						clientKey: `client-${i}`,
						now
					});
				} catch (error) {
					const code = (error as { code?: string }).code ?? 'error';
					refusals.set(code, (refusals.get(code) ?? 0) + 1);
				}
				latencies.push(performance.now() - t0);
			})
		);
		const seconds = (performance.now() - started) / 1000;
		const [db] = await sql<{ bookings: number; booked: number }[]>`
			SELECT (SELECT count(*)::int FROM bookings WHERE status = 'booked') AS bookings,
				(SELECT booked FROM ticket_daily_counters WHERE service_id = ${service.id}) AS booked`;
		latencies.sort((a, b) => a - b);
		const ms = (x: number) => Math.round(x);
		const result = {
			date: now.toISOString().slice(0, 10),
			machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
			postgres: version.split(' on ')[0],
			database: embedded ? 'embedded' : 'DATABASE_URL',
			attempts,
			places,
			connections,
			accepted: db.bookings,
			oversold: Math.max(db.bookings - places, 0),
			ledgerBooked: db.booked,
			refusals: Object.fromEntries(refusals),
			seconds: Number(seconds.toFixed(2)),
			latencyMs: {
				p50: ms(percentile(latencies, 50)),
				p95: ms(percentile(latencies, 95)),
				max: ms(latencies.at(-1)!)
			},
			loadAverage: loadavg().map((x) => Number(x.toFixed(1)))
		};
		console.log(JSON.stringify(result, null, 2));
		const ok = result.oversold === 0 && result.accepted === places && result.ledgerBooked === places;
		console.log(ok ? 'within budget (0 oversold, every place taken once)' : 'OUTSIDE BUDGET');
		process.exitCode = ok ? 0 : 1;
	} finally {
		await sql.end({ timeout: 5 });
		await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.end();
		await embedded?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

await main();
