// Statistics on a streaming replica (DATABASE_READ_URL, issue 11), against a real primary and a real
// replica made by `pg_basebackup -R` (tests/helpers/pg-replica.ts) and the production server. Pausing
// the replica's replay makes its lag as long as the test needs: the statistics then leave out what
// the primary did since, and say the older time; the rollups a read writes go to the primary and the
// answer stays exact; the queue keeps working; and a replica that is down is a 503, never a 500.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf } from '../../src/lib/domain/iso-week';
import { clockWithSeconds, localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { migrate } from '../../server/database';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { generateHistory } from '../../src/lib/server/history/generate';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { startPrimaryAndReplica, type PgReplicaPair } from '../helpers/pg-replica';

let pair: PgReplicaPair;
let primary: Sql;
let replica: Sql;
let app: AppServer;
let world: World;
const tokens: Record<string, string> = {};
// local dates of the first MPP (WIB): three closed days of history, and today
const today = localDate(new Date(), 'Asia/Jakarta');
const from = addDays(today, -4);
const lastClosed = addDays(today, -2);

beforeAll(async () => {
	pair = await startPrimaryAndReplica();
	const admin = postgres(pair.primaryUrl(), { max: 1, onnotice: () => {} });
	await admin`CREATE DATABASE antrean`;
	await admin.end();
	await migrate(pair.primaryUrl('antrean'));
	primary = createSql(pair.primaryUrl('antrean'), 4);
	replica = createSql(pair.replicaUrl('antrean'), 2);
	world = await createWorld(primary);
	await generateHistory(primary, {
		mppId: world.mpps[0].id,
		from,
		to: lastClosed,
		ticketsPerWeekday: 40,
		seed: 11
	});
	app = await startAppServer(pair.primaryUrl('antrean'), { DATABASE_READ_URL: pair.replicaUrl('antrean') });
	const a = world.mpps[0];
	tokens.supervisor = await signIn(app.url, a.users.supervisor.email, PASSWORD);
	tokens.operator = await signIn(app.url, a.users.operator.email, PASSWORD);
	tokens.ministry = await signIn(app.url, world.ministry.email, PASSWORD);
}, 120_000);

afterAll(async () => {
	await app?.stop();
	await primary?.end({ timeout: 1 });
	await replica?.end({ timeout: 1 }).catch(() => undefined);
	await pair?.stop();
});

async function get(who: string, path: string) {
	const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
	return { status: response.status, headers: response.headers, text: await response.text() };
}

async function post(who: string, path: string, body?: unknown) {
	const token = who === 'kiosk' ? world.mpps[0].devices.kiosk.token : tokens[who];
	const response = await fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

interface DayRow {
	date: string;
	issued: number;
	served: number;
}

const statsPath = () => `/api/v1/mpps/${world.mpps[0].slug}/stats?from=${from}&to=${today}&groupBy=day`;

async function mppStats() {
	const { status, text } = await get('supervisor', statsPath());
	expect(status, text).toBe(200);
	return JSON.parse(text) as { rows: DayRow[]; total: { issued: number }; dataAsOf: string };
}

/** Issued tickets per local day of the first MPP, counted on one server. */
async function issuedPerDay(sql: Sql): Promise<Record<string, number>> {
	const rows = await sql<{ day: string; n: number }[]>`
		SELECT local_date::text AS day, count(*)::int AS n FROM tickets
		WHERE mpp_id = ${world.mpps[0].id} AND local_date BETWEEN ${from} AND ${today} GROUP BY 1`;
	return Object.fromEntries(rows.map((r) => [r.day, r.n]));
}

const rolledDays = async (sql: Sql) =>
	(
		await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM stats_days WHERE mpp_id = ${world.mpps[0].id}`
	)[0].n;

/** The freshness line of a page: its text and the time it states. */
function freshnessLine(html: string) {
	const match = /data-testid="data-freshness"[^>]*>([^<]*)</.exec(html);
	const asOf = /data-testid="data-freshness"[^>]*data-as-of="([^"]*)"/.exec(html);
	return { text: match?.[1].trim(), asOf: asOf?.[1] };
}

describe('statistics on a streaming replica', () => {
	it('reads a real standby that refuses writes (made by pg_basebackup -R, or a cold copy without it)', async () => {
		expect(['pg_basebackup', 'cold-copy']).toContain(pair.madeWith);
		expect((await replica`SELECT pg_is_in_recovery() AS standby`)[0].standby).toBe(true);
		// 25006 read_only_sql_transaction: whatever the app sent here would fail, so its writes go to the primary
		await expect(replica`DELETE FROM stats_days`).rejects.toMatchObject({ code: '25006' });
	});

	it('come from the replica: with replay paused, they leave out what the primary did since and say the older time; resumed, they catch up', async () => {
		const a = world.mpps[0];
		// the closed days' tickets are there, their rollups not yet (as on a day just closed)
		await primary`DELETE FROM stats_rollup_state WHERE mpp_id = ${a.id}`;
		for (const table of ['stats_days', 'stats_mpp_periods', 'stats_mpp_days', 'stats_mpp_hourly'])
			await primary`DELETE FROM ${primary(table)} WHERE mpp_id = ${a.id}`;
		await primary`DELETE FROM stats_daily WHERE mpp_id = ${a.id}`;
		await primary`DELETE FROM stats_hourly WHERE mpp_id = ${a.id}`;
		await pair.waitForReplay();
		const before = await issuedPerDay(primary);
		expect(Object.keys(before).sort()).toEqual([from, addDays(from, 1), lastClosed]);

		await pair.pauseReplay();
		const pausedAt = new Date();
		// the queue works on the primary while the replica stands still
		const issued = [];
		for (const serviceId of [a.services.c, a.services.c]) {
			const ticket = await post('kiosk', `/api/v1/mpps/${a.slug}/tickets`, { serviceId });
			expect(ticket.status).toBe(201);
			issued.push(ticket.body.id as string);
		}
		for (const id of issued) {
			const called = await post('operator', `/api/v1/counters/${a.counters.three}/call-next`);
			expect(called.status).toBe(200);
			expect(called.body.ticket.id).toBe(id);
			expect((await post('operator', `/api/v1/tickets/${id}/finish`)).status).toBe(200);
		}
		const finishedAt = new Date();
		// written on the primary only: the replica refuses writes, and it has not replayed them
		expect((await issuedPerDay(primary))[today]).toBe(2);
		expect((await issuedPerDay(replica))[today]).toBeUndefined();

		const stale = await mppStats();
		// the closed days are exact although their rollups, written on the primary by this read, are
		// not on the replica yet: it reads those days from its own tickets
		expect(await rolledDays(primary)).toBe(3);
		expect(await rolledDays(replica)).toBe(0);
		const staleByDay = Object.fromEntries(stale.rows.map((r) => [r.date, r.issued]));
		expect(staleByDay).toEqual(before);
		expect(new Date(stale.dataAsOf).getTime()).toBeLessThan(pausedAt.getTime());

		// the history page and the ministry say the same older time, on their zone's clock
		const history = await get('supervisor', `/manage/${a.slug}/history?from=${from}&to=${today}&groupBy=day`);
		expect(history.status).toBe(200);
		const line = freshnessLine(history.text);
		expect(line.asOf).toBe(stale.dataAsOf);
		expect(line.text).toBe(`Data per ${clockWithSeconds(new Date(stale.dataAsOf), 'Asia/Jakarta')} WIB`);
		const national = await get('ministry', `/api/v1/stats/national?from=${from}&to=${today}&groupBy=day`);
		expect(national.status).toBe(200);
		const nationalBody = JSON.parse(national.text);
		expect(nationalBody.dataAsOf).toBe(stale.dataAsOf);
		expect(nationalBody.total.issued).toBe(stale.total.issued);
		const ranking = await get('ministry', `/api/v1/stats/mpps?from=${from}&to=${today}`);
		const rowOfA = JSON.parse(ranking.text).rows.find((r: { mppId: string }) => r.mppId === a.id);
		expect(rowOfA).toMatchObject({ issued: stale.total.issued, openDays: 3 });
		const weeks = `from=${isoWeekOf(from)}&to=${isoWeekOf(today)}`;
		const weekly = JSON.parse((await get('ministry', `/api/v1/stats/weekly-visits?${weeks}`)).text);
		expect(weekly.total.issued).toBe(stale.total.issued);
		expect(weekly.dataAsOf).toBe(stale.dataAsOf);
		const ministryPage = await get('ministry', `/ministry?from=${from}&to=${today}`);
		expect(ministryPage.status).toBe(200);
		expect(freshnessLine(ministryPage.text).asOf).toBe(stale.dataAsOf);
		const csv = await get('supervisor', `/api/v1/mpps/${a.slug}/stats.csv?from=${from}&to=${today}`);
		expect(csv.status).toBe(200);
		expect(csv.headers.get('x-data-as-of')).toBe(stale.dataAsOf);

		await pair.resumeReplay();
		await pair.waitForReplay();
		const fresh = await mppStats();
		expect(Object.fromEntries(fresh.rows.map((r) => [r.date, r.issued]))).toEqual({ ...before, [today]: 2 });
		expect(fresh.rows.find((r) => r.date === today)?.served).toBe(2);
		// the closed days now come from the replayed rollups, with the same numbers
		expect(await rolledDays(replica)).toBe(3);
		expect(new Date(fresh.dataAsOf).getTime()).toBeGreaterThanOrEqual(finishedAt.getTime());
		const nationalFresh = JSON.parse(
			(await get('ministry', `/api/v1/stats/national?from=${from}&to=${today}&groupBy=day`)).text
		);
		expect(nationalFresh.total.issued).toBe(stale.total.issued + 2);
	});

	it('a replica that is down makes statistics a 503 the client may retry, while the queue and the live view go on', async () => {
		const a = world.mpps[0];
		await pair.stopReplica();
		const api = await get('supervisor', statsPath());
		expect(api.status).toBe(503);
		expect(JSON.parse(api.text).error.code).toBe('replica_unavailable');
		expect(api.headers.get('retry-after')).toBe('30');
		const national = await get('ministry', `/api/v1/stats/national?from=${from}&to=${today}`);
		expect(national.status).toBe(503);
		expect((await get('supervisor', `/manage/${a.slug}/history`)).status).toBe(503);
		const ministryPage = await get('ministry', '/ministry');
		expect(ministryPage.status).toBe(503);
		expect(ministryPage.text).toContain('Salinan data statistik sedang tidak dapat dihubungi');

		expect((await post('kiosk', `/api/v1/mpps/${a.slug}/tickets`, { serviceId: a.services.a })).status).toBe(
			201
		);
		const live = await get('supervisor', `/api/v1/mpps/${a.slug}/stats/live`);
		expect(live.status).toBe(200);
	});
});
