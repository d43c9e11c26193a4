// Benchmark (issue 13): an edge catching up after an 8-hour outage of a large MPP. A central and an edge
// server (production build, each on its own database), a TCP proxy between them. The link is cut, the
// edge's database gets a large MPP's eight hours (TICKETS tickets, each issued → called → serving →
// done with its four events, and a survey from 30 % of them: every write through the outbox triggers,
// as the hall's own would), then the link is restored. Prints the outbox rows, the time until the
// centre holds exactly the edge's rows (count and checksum per table) and the rows per second.
// Not a test: `npx tsx tests/bench/edge-sync.ts` after `npm run build` (DATABASE_URL's server, or
// embedded PostgreSQL 18 without it).   TICKETS=3000 npx tsx tests/bench/edge-sync.ts
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../server/database';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { startTcpProxy } from '../../src/lib/server/net/tcp-proxy';
import { signIn, startAppServer } from '../helpers/app-server';
import { createWorld, PASSWORD } from '../helpers/fixtures';

const tickets = Number(process.env.TICKETS ?? 3000);

async function database(adminUrl: string, name: string): Promise<string> {
	const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	await migrate(url.toString());
	return url.toString();
}

async function digest(sql: Sql, mppId: string): Promise<string> {
	const [row] = await sql<{ d: string }[]>`
		SELECT concat_ws(' ',
			(SELECT count(*) || ':' || md5(coalesce(string_agg(concat_ws('|', id, status, called_at, finished_at), ',' ORDER BY id), ''))
				FROM tickets WHERE mpp_id = ${mppId}),
			(SELECT count(*) || ':' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM ticket_events WHERE mpp_id = ${mppId}),
			(SELECT count(*) || ':' || md5(coalesce(string_agg(id::text, ',' ORDER BY id), '')) FROM surveys WHERE mpp_id = ${mppId})) AS d`;
	return row.d;
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
	const stamp = Date.now();
	const centreUrl = await database(adminUrl, `antrean_bench_centre_${stamp}`);
	const edgeUrl = await database(adminUrl, `antrean_bench_edge_${stamp}`);
	const centreSql = createSql(centreUrl, 4);
	const edgeSql = createSql(edgeUrl, 4);
	const world = await createWorld(centreSql);
	const mpp = world.mpps[0];
	const centre = await startAppServer(centreUrl);
	const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(centre.url).port) });
	const admin = await signIn(centre.url, mpp.users.mpp_admin.email, PASSWORD);
	const created = await fetch(`${centre.url}/api/v1/mpps/${mpp.slug}/edge-nodes`, {
		method: 'POST',
		headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Bench edge' })
	});
	const { token } = (await created.json()) as { token: string };
	const edge = await startAppServer(edgeUrl, {
		ANTREAN_MODE: 'edge',
		ANTREAN_CENTRAL_URL: `http://127.0.0.1:${proxy.port}`,
		ANTREAN_EDGE_TOKEN: token,
		ANTREAN_EDGE_MPP: mpp.slug
	});
	try {
		while (!(await edgeSql`SELECT 1 FROM mpps WHERE id = ${mpp.id}`).length)
			await new Promise((r) => setTimeout(r, 200));
		proxy.cut();
		const made = Date.now();
		// eight hours of a large MPP, every state change a write of its own (as the hall makes them)
		await edgeSql`
			INSERT INTO tickets (id, mpp_id, service_id, issued_service_id, local_date, seq, number, status, track_code,
				issued_at, queued_at, source)
			SELECT gen_random_uuid(), ${mpp.id}, s.id, s.id, (now() AT TIME ZONE ${mpp.timezone})::date, g,
				'B' || lpad(g::text, 4, '0'), 'waiting', 'bench' || g, at, at, 'kiosk'
			FROM generate_series(1, ${tickets}) g, (SELECT ${mpp.services.b}::uuid AS id) s,
				LATERAL (SELECT now() - interval '8 hours' + g * (interval '8 hours' / ${tickets}) AS at) x`;
		await edgeSql`
			INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, service_id)
			SELECT gen_random_uuid(), id, mpp_id, 'issued', issued_at, service_id FROM tickets WHERE mpp_id = ${mpp.id}`;
		for (const [status, type, offset] of [
			['called', 'called', '5 min'],
			['serving', 'started', '6 min'],
			['done', 'finished', '12 min']
		]) {
			await edgeSql`
				UPDATE tickets SET status = ${status}, counter_id = ${mpp.counters.one},
					called_at = coalesce(called_at, issued_at + interval '5 min'),
					first_called_at = coalesce(first_called_at, issued_at + interval '5 min'),
					call_count = greatest(call_count, 1),
					started_at = CASE WHEN ${status} IN ('serving', 'done') THEN issued_at + interval '6 min' END,
					finished_at = CASE WHEN ${status} = 'done' THEN issued_at + interval '12 min' END
				WHERE mpp_id = ${mpp.id}`;
			await edgeSql`
				INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id)
				SELECT gen_random_uuid(), id, mpp_id, ${type}, issued_at + ${offset}::interval, counter_id, service_id
				FROM tickets WHERE mpp_id = ${mpp.id}`;
		}
		await edgeSql`
			INSERT INTO surveys (id, ticket_id, mpp_id, service_id, counter_id, answered_at, local_date, persyaratan,
				prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan, sarana, channel)
			SELECT gen_random_uuid(), id, mpp_id, service_id, counter_id, finished_at + interval '1 min', local_date,
				4, 3, 3, 4, 3, 4, 4, 3, 3, 'tablet'
			FROM tickets WHERE mpp_id = ${mpp.id} AND seq % 10 < 3`;
		const [{ rows }] = await edgeSql<{ rows: number }[]>`SELECT count(*)::int AS rows FROM edge_outbox`;
		console.log(
			`edge: ${tickets} tickets of an 8-hour outage written in ${Date.now() - made} ms; ${rows} outbox rows`
		);

		proxy.restore();
		const start = Date.now();
		const want = await digest(edgeSql, mpp.id);
		while ((await digest(centreSql, mpp.id)) !== want) {
			if (Date.now() - start > 600_000) throw new Error('not caught up within 10 minutes');
			await new Promise((r) => setTimeout(r, 100));
		}
		const seconds = (Date.now() - start) / 1000;
		const [pg] = await centreSql<{ version: string }[]>`SELECT version()`;
		console.log(
			`caught up in ${seconds.toFixed(1)} s after the link came back: ${Math.round(rows / seconds)} outbox rows/s`
		);
		console.log(
			`(includes up to one 3 s beat before the edge notices the link; PostgreSQL ${pg.version.split(' ')[1]})`
		);
		console.log(
			`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB; load ${loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
		);
	} finally {
		await edge.stop();
		await centre.stop();
		await proxy.close();
		await centreSql.end({ timeout: 1 });
		await edgeSql.end({ timeout: 1 });
		const admin2 = postgres(adminUrl, { max: 1, onnotice: () => {} });
		for (const name of [`antrean_bench_centre_${stamp}`, `antrean_bench_edge_${stamp}`])
			await admin2.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin2.end();
		await embedded?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
