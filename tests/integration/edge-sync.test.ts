// Edge nodes (issue 13) with real processes and two real databases: a central server on its own
// database, an edge server on another, and a TCP proxy between them that the test cuts, restores and
// slows down. The hall works at the edge during the cut; afterwards the centre holds exactly the edge's
// tickets, events and surveys (count and checksum per table), none twice, also when the edge is killed
// in the middle of a sync, and a configuration change at the centre reaches the edge.
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/database';
import { surveyElements } from '../../src/lib/domain/survey-elements';
import { bookingQrText } from '../../src/lib/server/booking/signed-qr';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { bookFor, setBookingRules } from '../helpers/booking';
import { createWorld, PASSWORD, type MppFixture, type World } from '../helpers/fixtures';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { client, connected, record } from './realtime-harness';
import { adminUrl, createTestDatabase, urlForDatabase, type TestDatabase } from '../helpers/test-db';

let centreDb: TestDatabase;
let world: World;
let mpp: MppFixture;
let centre: AppServer;
let proxy: TcpProxy;
let edge: AppServer;
let edgeUrl: string;
let edgeName: string;
let edgeSql: Sql;
let edgeToken: string;
let edgeId: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startEdge(
	options: { url: string; token: string; slug: string; env?: Record<string, string> } = {
		url: edgeUrl,
		token: edgeToken,
		slug: mpp.slug
	}
): Promise<AppServer> {
	return startAppServer(options.url, {
		ANTREAN_MODE: 'edge',
		ANTREAN_CENTRAL_URL: `http://127.0.0.1:${proxy.port}`,
		ANTREAN_EDGE_TOKEN: options.token,
		ANTREAN_EDGE_MPP: options.slug,
		...options.env
	});
}

async function createEdgeToken(fixture: MppFixture, name: string): Promise<{ id: string; token: string }> {
	const admin = await signIn(centre.url, fixture.users.mpp_admin.email, PASSWORD);
	const created = await fetch(`${centre.url}/api/v1/mpps/${fixture.slug}/edge-nodes`, {
		method: 'POST',
		headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
		body: JSON.stringify({ name })
	});
	const body = (await created.json()) as { node: { id: string }; token: string };
	return { id: body.node.id, token: body.token };
}

async function createEdgeDatabase(): Promise<{ name: string; url: string }> {
	const name = `antrean_edge_${randomBytes(6).toString('hex')}`;
	const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = urlForDatabase(adminUrl(), name);
	await migrate(url);
	return { name, url };
}

async function dropDatabase(name: string): Promise<void> {
	const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
	await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await admin.end();
}

beforeAll(async () => {
	centreDb = await createTestDatabase();
	world = await createWorld(centreDb.sql);
	mpp = world.mpps[0];
	centre = await startAppServer(centreDb.url);
	proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(centre.url).port) });
	({ id: edgeId, token: edgeToken } = await createEdgeToken(mpp, 'Edge aula'));
	({ name: edgeName, url: edgeUrl } = await createEdgeDatabase());
	edgeSql = createSql(edgeUrl, 3);
	edge = await startEdge();
}, 120_000);

afterAll(async () => {
	await edge?.stop();
	await proxy?.close();
	await centre?.stop();
	await edgeSql?.end({ timeout: 1 });
	if (edgeName) await dropDatabase(edgeName);
	await centreDb?.drop();
}, 60_000);

/** Count and checksum of the MPP's rows in each synced table, every column that carries meaning. */
async function digest(sql: Sql, mppId: string) {
	const [row] = await sql<{ tickets: string; events: string; surveys: string }[]>`
		SELECT
			(SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, service_id, issued_service_id,
				local_date, seq, number, status, priority_group, track_code, issued_at, queued_at, first_called_at,
				called_at, call_count, started_at, finished_at, counter_id, source, booked_slot_start), ',' ORDER BY id)), '')
				FROM tickets WHERE mpp_id = ${mppId}) AS tickets,
			(SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, ticket_id, type, at, counter_id,
				service_id, data::text), ',' ORDER BY id)), '')
				FROM ticket_events WHERE mpp_id = ${mppId}) AS events,
			(SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws('|', id, ticket_id, service_id, counter_id,
				answered_at, local_date, persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, pengaduan,
				sarana, comment, channel), ',' ORDER BY id)), '')
				FROM surveys WHERE mpp_id = ${mppId}) AS surveys`;
	return row;
}

/** Waits until the centre holds exactly what the edge holds; returns how long that took. */
async function converged(timeoutMs = 60_000): Promise<number> {
	const start = Date.now();
	for (;;) {
		const [atEdge, atCentre] = await Promise.all([digest(edgeSql, mpp.id), digest(centreDb.sql, mpp.id)]);
		if (JSON.stringify(atEdge) === JSON.stringify(atCentre)) return Date.now() - start;
		if (Date.now() - start > timeoutMs)
			throw new Error(
				`not converged: edge ${JSON.stringify(atEdge)} centre ${JSON.stringify(atCentre)}\n${edge.output().slice(-2000)}`
			);
		await sleep(200);
	}
}

async function post(url: string, token: string, body?: unknown): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** A morning at the edge with no link: 30 tickets, 12 served at an opened counter, 5 surveys. */
async function serveWhileCut(): Promise<void> {
	const operator = await signIn(edge.url, mpp.users.operator.email, PASSWORD);
	// a counter's open/closed state is the hall's, never copied: the operator opens it at the edge
	const opened = await post(`${edge.url}/api/v1/counters/${mpp.counters.one}/status`, operator, {
		status: 'open'
	});
	expect(opened.status).toBe(200);
	const before = await digest(centreDb.sql, mpp.id);
	const issued: { id: string; trackCode: string }[] = [];
	for (let i = 0; i < 30; i++) {
		const response = await post(`${edge.url}/api/v1/mpps/${mpp.slug}/tickets`, mpp.devices.kiosk.token, {
			serviceId: [mpp.services.a, mpp.services.b, mpp.services.c][i % 3]
		});
		expect(response.status).toBe(201);
		issued.push((await response.json()) as { id: string; trackCode: string });
	}
	const served: { id: string; trackCode: string }[] = [];
	for (let i = 0; i < 12; i++) {
		const called = await post(`${edge.url}/api/v1/counters/${mpp.counters.one}/call-next`, operator);
		expect(called.status).toBe(200);
		const { ticket } = (await called.json()) as { ticket: { id: string; trackCode: string } };
		expect((await post(`${edge.url}/api/v1/tickets/${ticket.id}/start`, operator)).status).toBe(200);
		expect((await post(`${edge.url}/api/v1/tickets/${ticket.id}/finish`, operator)).status).toBe(200);
		served.push(ticket);
	}
	const trackCodes = new Map(issued.map((t) => [t.id, t.trackCode]));
	// (the first one called may be the earlier test's ticket, whose slip this test never saw)
	for (const ticket of served.filter((t) => trackCodes.has(t.id)).slice(0, 5)) {
		const answers = Object.fromEntries(surveyElements.map((code, i) => [code, (i % 4) + 1]));
		const survey = await fetch(`${edge.url}/api/v1/tickets/${trackCodes.get(ticket.id)}/survey`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answers })
		});
		expect(survey.status).toBe(201);
	}
	// nothing crossed while the link was down
	await sleep(4000);
	expect(await digest(centreDb.sql, mpp.id)).toEqual(before);
	await offlineShown();
}

/**
 * The manager's and the ministry's pages at the centre say the edge is offline since its last contact
 * (moved back here by ten minutes, so the test does not wait out the 30 s rule) and up to when data came.
 */
async function offlineShown(): Promise<void> {
	await centreDb.sql`UPDATE edge_nodes SET last_seen_at = now() - interval '10 minutes' WHERE id = ${edgeId}`;
	const [{ since }] = await centreDb.sql`
		SELECT to_char(last_seen_at AT TIME ZONE ${mpp.timezone}, 'HH24:MI') AS since FROM edge_nodes WHERE id = ${edgeId}`;
	for (const [path, email] of [
		[`/manage/${mpp.slug}`, mpp.users.supervisor.email],
		['/ministry', world.ministry.email]
	]) {
		const token = await signIn(centre.url, email, PASSWORD);
		const page = await (
			await fetch(`${centre.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
		).text();
		expect(page).toContain('data-testid="edge-offline"');
		expect(page).toContain(`tidak terhubung sejak ${since} WIB, data sampai`);
	}
}

describe('an edge and its centre', () => {
	it('copies the MPP configuration, so staff and devices work at the edge with the same credentials', async () => {
		await expect
			.poll(
				async () => (await edgeSql`SELECT count(*)::int AS n FROM services WHERE mpp_id = ${mpp.id}`)[0].n,
				{
					timeout: 20_000
				}
			)
			.toBe(3);
		// the same password as at the centre, checked against the copied hash
		expect(await signIn(edge.url, mpp.users.operator.email, PASSWORD)).toBeTruthy();
		const ticket = await post(`${edge.url}/api/v1/mpps/${mpp.slug}/tickets`, mpp.devices.kiosk.token, {
			serviceId: mpp.services.a
		});
		expect(ticket.status).toBe(201);
		// the edge is the only writer of its MPP's tickets: the centre refuses to number one
		const atCentre = await post(`${centre.url}/api/v1/mpps/${mpp.slug}/tickets`, mpp.devices.kiosk.token, {
			serviceId: mpp.services.a
		});
		expect(atCentre.status).toBe(409);
		expect(((await atCentre.json()) as { error: { code: string } }).error.code).toBe('served_by_edge');
		// live state stays the hall's: counters start closed at the edge, whatever the centre shows
		const counters = await edgeSql`SELECT DISTINCT status FROM counters WHERE mpp_id = ${mpp.id}`;
		expect(counters.map((c) => c.status)).toEqual(['closed']);
		// the centre knows which configuration the edge holds
		await expect
			.poll(
				async () =>
					(await centreDb.sql`SELECT config_version FROM edge_nodes WHERE id = ${edgeId}`)[0].config_version,
				{ timeout: 20_000 }
			)
			.toBe((await edgeSql`SELECT version FROM edge_config_state`)[0].version);
		await converged();
	});

	it('stamps each ticket of a mobile unit with the place the admin set for the day', async () => {
		const admin = await signIn(centre.url, mpp.users.mpp_admin.email, PASSWORD);
		const [{ today }] = await centreDb.sql`SELECT (now() AT TIME ZONE ${mpp.timezone})::date::text AS today`;
		const put = (date: string, body: unknown) =>
			fetch(`${centre.url}/api/v1/mpps/${mpp.slug}/stops/${date}`, {
				method: 'PUT',
				headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
		expect((await put(today, { place: '' })).status).toBe(422);
		expect((await put('kemarin', { place: 'Pasar Youtefa' })).status).toBe(422);
		const operator = await signIn(centre.url, mpp.users.operator.email, PASSWORD);
		const notAdmin = await fetch(`${centre.url}/api/v1/mpps/${mpp.slug}/stops/${today}`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
			body: JSON.stringify({ place: 'x' })
		});
		expect(notAdmin.status).toBe(403);
		expect((await put(today, { place: 'Pasar Youtefa, Abepura' })).status).toBe(200);
		await expect
			.poll(async () => (await edgeSql`SELECT place FROM mobile_stops WHERE mpp_id = ${mpp.id}`)[0]?.place, {
				timeout: 20_000
			})
			.toBe('Pasar Youtefa, Abepura');
		const issued = await post(`${edge.url}/api/v1/mpps/${mpp.slug}/tickets`, mpp.devices.kiosk.token, {
			serviceId: mpp.services.b
		});
		expect(issued.status).toBe(201);
		const { id } = (await issued.json()) as { id: string };
		await expect
			.poll(async () => (await centreDb.sql`SELECT place FROM tickets WHERE id = ${id}`)[0]?.place, {
				timeout: 20_000
			})
			.toBe('Pasar Youtefa, Abepura');
		const [audited] = await centreDb.sql`
			SELECT count(*)::int AS n FROM config_audit WHERE mpp_id = ${mpp.id} AND entity_name = ${`Lokasi ${today}`}`;
		expect(audited.n).toBe(1);
		await converged();
	});

	it('keeps the hall working through a cut link, and the centre then holds exactly what the hall did', async () => {
		// a lobby TV of this MPP connected to the centre (a manager's page listens the same way)
		const screen = client(centre.url, { cookie: `antrean_device=${mpp.devices.display.token}` });
		await connected(screen);
		expect(await screen.emitWithAck('room:join', { room: 'display', mppId: mpp.id })).toHaveProperty('data');
		const heard = record(screen);
		proxy.cut();
		try {
			await serveWhileCut();
		} finally {
			proxy.restore();
		}
		const ms = await converged();
		// what arrived reaches the centre's live screens: they are told to fetch a fresh snapshot
		await expect.poll(() => heard.some((e) => e.name === 'server:resync'), { timeout: 10_000 }).toBe(true);
		screen.disconnect();
		console.log(`edge-sync: the centre caught up the cut morning in ${ms} ms after the link came back`);
		const atCentre = await digest(centreDb.sql, mpp.id);
		expect(atCentre.surveys.startsWith('5:')).toBe(true);
		// none twice: every id once (the checksums above are over rows ordered by id)
		const [dupes] = await centreDb.sql`
			SELECT (SELECT count(*) - count(DISTINCT id) FROM ticket_events WHERE mpp_id = ${mpp.id})::int AS n`;
		expect(dupes.n).toBe(0);
		const [node] =
			await centreDb.sql`SELECT data_through, last_batch_at FROM edge_nodes WHERE id = ${edgeId}`;
		expect(node.last_batch_at).not.toBeNull();
		expect(node.data_through).not.toBeNull();
	});

	it('takes a replayed or older batch without changing anything, and refuses rows of another MPP or bad values', async () => {
		const batch = async (rev: number) => {
			const [rows] = await edgeSql<{ tickets: unknown[]; events: unknown[]; surveys: unknown[] }[]>`
				SELECT
					(SELECT jsonb_agg(to_jsonb(t) || jsonb_build_object('edge_rev', ${rev}::bigint,
						'status', 'waiting', 'finished_at', NULL)) FROM tickets t) AS tickets,
					(SELECT jsonb_agg(to_jsonb(e)) FROM ticket_events e) AS events,
					(SELECT coalesce(jsonb_agg(to_jsonb(s)), '[]') FROM surveys s) AS surveys`;
			return rows;
		};
		await converged();
		const before = await digest(centreDb.sql, mpp.id);
		// an old state of every ticket ("waiting") at revision 1: the centre has newer ones and keeps them
		const old = await batch(1);
		for (let i = 0; i < 2; i++) {
			const response = await post(`${centre.url}/api/v1/edge/batches`, edgeToken, old);
			expect(response.status).toBe(200);
			expect(await response.json()).toMatchObject({ events: 0, surveys: 0 });
		}
		expect(await digest(centreDb.sql, mpp.id)).toEqual(before);

		const other = world.mpps[1];
		const [foreign] = old.tickets as Record<string, unknown>[];
		const stolen = await post(`${centre.url}/api/v1/edge/batches`, edgeToken, {
			tickets: [{ ...foreign, id: crypto.randomUUID(), mpp_id: other.id, service_id: other.services.a }]
		});
		expect(stolen.status).toBe(403);
		const bad = await post(`${centre.url}/api/v1/edge/batches`, edgeToken, {
			tickets: [{ ...foreign, id: crypto.randomUUID(), issued_at: 'kemarin' }]
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('batch_refused');
		const crafted = await fetch(`${centre.url}/api/v1/edge/batches`, {
			method: 'POST',
			headers: { authorization: `Bearer ${edgeToken}`, 'content-type': 'application/json' },
			body: '{"__proto__": {"admin": true}, "tickets": []}'
		});
		expect(crafted.status).toBe(400);
		expect(
			(await post(`${centre.url}/api/v1/edge/batches`, 'abcdefghijklmnopqrstuvwxyz234567', {})).status
		).toBe(401);
		expect(await digest(centreDb.sql, mpp.id)).toEqual(before);
	});

	it('resumes after being killed mid-sync, loses and doubles nothing, rolls the late day up, and gets the new configuration', async () => {
		proxy.cut();
		// yesterday's tickets, as a hall without its link would have left them: the centre already rolled
		// that day up (empty), so these arrive late
		const admin = await signIn(centre.url, mpp.users.mpp_admin.email, PASSWORD);
		const [{ yesterday }] = await centreDb.sql`
			SELECT ((now() AT TIME ZONE ${mpp.timezone})::date - 1)::text AS yesterday`;
		const stats = async () => {
			const response = await fetch(
				`${centre.url}/api/v1/mpps/${mpp.slug}/stats?from=${yesterday}&to=${yesterday}&groupBy=day`,
				{ headers: { authorization: `Bearer ${admin}` } }
			);
			expect(response.status).toBe(200);
			return ((await response.json()) as { total: { issued: number } }).total.issued;
		};
		expect(await stats()).toBe(0);
		await edgeSql`
			INSERT INTO tickets (id, mpp_id, service_id, issued_service_id, local_date, seq, number, status, track_code,
				issued_at, queued_at, first_called_at, called_at, call_count, started_at, finished_at, counter_id, source)
			SELECT gen_random_uuid(), ${mpp.id}, ${mpp.services.b}, ${mpp.services.b}, ${yesterday}::date, g,
				'B' || lpad(g::text, 3, '0'), 'done', 'edge' || ${randomBytes(3).toString('hex')} || g,
				at, at, at + interval '5 min', at + interval '5 min', 1, at + interval '6 min', at + interval '12 min',
				${mpp.counters.two}, 'kiosk'
			FROM generate_series(1, 1000) g,
				LATERAL (SELECT (${yesterday}::date + time '08:00') AT TIME ZONE ${mpp.timezone} + g * interval '20 s' AS at) x`;
		await edgeSql`
			INSERT INTO ticket_events (id, ticket_id, mpp_id, type, at, counter_id, service_id)
			SELECT gen_random_uuid(), t.id, t.mpp_id, k.type, k.at, t.counter_id, t.service_id
			FROM tickets t CROSS JOIN LATERAL (VALUES ('issued', t.issued_at), ('called', t.called_at),
				('started', t.started_at), ('finished', t.finished_at)) AS k (type, at)
			WHERE t.local_date = ${yesterday}::date`;
		// meanwhile the centre renames a service
		await centreDb.sql`UPDATE services SET name = 'Layanan B (baru)' WHERE id = ${mpp.services.b}`;
		const receivedBefore = Number(
			(await centreDb.sql`SELECT rows_received FROM edge_nodes WHERE id = ${edgeId}`)[0].rows_received
		);

		// a slow link: every answer from the centre 1.5 s late, so the edge is killed after the centre
		// took a batch in and before the edge heard so
		proxy.latency(1500);
		proxy.restore();
		await expect
			.poll(
				async () =>
					Number(
						(await centreDb.sql`SELECT rows_received FROM edge_nodes WHERE id = ${edgeId}`)[0].rows_received
					),
				{ timeout: 30_000, interval: 50 }
			)
			.toBeGreaterThan(receivedBefore);
		await edge.kill();
		const [{ waiting }] = await edgeSql`SELECT count(*)::int AS waiting FROM edge_outbox`;
		// the acknowledged batch was not deleted: the edge died before the answer came
		expect(waiting).toBeGreaterThan(0);
		proxy.latency(0);
		edge = await startEdge();
		const ms = await converged();
		console.log(`edge-sync: a 1,000-ticket day caught up ${ms} ms after the restart`);
		expect(await stats()).toBe(1000);
		await expect
			.poll(async () => (await edgeSql`SELECT name FROM services WHERE id = ${mpp.services.b}`)[0].name, {
				timeout: 10_000
			})
			.toBe('Layanan B (baru)');
	});

	it('brings bookings made at the centre to the edge, which checks them in with the link down', async () => {
		// the next quarter hour in the MPP's zone: its check-in window is open now
		const quarter = 15 * 60_000;
		const slot = new Date(Math.ceil((Date.now() + 60_000) / quarter) * quarter);
		const local = (at: Date) =>
			new Intl.DateTimeFormat('sv-SE', {
				timeZone: mpp.timezone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23'
			})
				.format(at)
				.split(' ');
		const [date, time] = local(slot);
		// room for a few bookings in each window of service C (one counter)
		await setBookingRules(centreDb.sql, mpp.services.c, { bookingShare: 100, expectedServiceMinutes: 3 });
		const kept = await bookFor(centreDb.sql, mpp.id, {
			serviceId: mpp.services.c,
			date,
			time,
			now: new Date()
		});
		const dropped = await bookFor(centreDb.sql, mpp.id, {
			serviceId: mpp.services.c,
			date,
			time,
			now: new Date()
		});
		const atEdge = async (code: string) =>
			(
				await edgeSql<
					{ status: string; phone: string | null }[]
				>`SELECT status, phone FROM bookings WHERE code = ${code}`
			)[0];
		await expect
			.poll(async () => (await atEdge(kept.booking.code))?.status, { timeout: 20_000 })
			.toBe('booked');
		// cancelled at the centre (by its code, as the citizen does): the edge hears it too
		const cancel = await fetch(`${centre.url}/api/v1/bookings/${dropped.booking.code}`, { method: 'DELETE' });
		expect(cancel.status).toBe(200);
		await expect
			.poll(async () => (await atEdge(dropped.booking.code))?.status, { timeout: 20_000 })
			.toBe('cancelled');

		proxy.cut();
		try {
			const checkedIn = await post(
				`${edge.url}/api/v1/bookings/${kept.booking.code}/check-in`,
				mpp.devices.kiosk.token
			);
			expect(checkedIn.status).toBe(201);
		} finally {
			proxy.restore();
		}
		const [{ ticketId }] = await edgeSql<{ ticketId: string }[]>`
			SELECT ticket_id AS "ticketId" FROM bookings WHERE code = ${kept.booking.code} AND status = 'checked_in'`;
		expect(ticketId).toBeTruthy();
		await converged();
		await expect
			.poll(
				async () =>
					(await centreDb.sql`SELECT status, ticket_id FROM bookings WHERE code = ${kept.booking.code}`)[0],
				{ timeout: 20_000 }
			)
			.toMatchObject({ status: 'checked_in', ticket_id: ticketId });
		// booked after the link dropped: the edge never saw it, the centre-signed QR vouches for it
		proxy.cut();
		try {
			const late = await bookFor(centreDb.sql, mpp.id, {
				serviceId: mpp.services.c,
				date,
				time,
				now: new Date()
			});
			expect(await atEdge(late.booking.code)).toBeUndefined();
			const qr = (await bookingQrText(centreDb.sql, late.booking.code))!;
			const [, payload, signature] = qr.split('.');
			const forged = Buffer.from(
				Buffer.from(payload, 'base64url').toString().replace(late.booking.code, 'ZZZZ2222')
			).toString('base64url');
			const refused = await post(
				`${edge.url}/api/v1/bookings/${encodeURIComponent(`AB1.${forged}.${signature}`)}/check-in`,
				mpp.devices.kiosk.token
			);
			expect(refused.status).toBe(404);
			const scanned = await post(
				`${edge.url}/api/v1/bookings/${encodeURIComponent(qr)}/check-in`,
				mpp.devices.kiosk.token
			);
			expect(scanned.status).toBe(201);
			expect((await atEdge(late.booking.code))?.status).toBe('checked_in');
			proxy.restore();
			await expect
				.poll(
					async () =>
						(await centreDb.sql`SELECT status FROM bookings WHERE code = ${late.booking.code}`)[0].status,
					{
						timeout: 20_000
					}
				)
				.toBe('checked_in');
		} finally {
			proxy.restore();
		}
		await converged();

		// a cancelled booking never comes back to life, and the phone number never left the centre
		const [cancelled] = await centreDb.sql`SELECT status FROM bookings WHERE code = ${dropped.booking.code}`;
		expect(cancelled.status).toBe('cancelled');
		const phones = await edgeSql`SELECT count(*)::int AS n FROM bookings WHERE phone IS NOT NULL`;
		expect(phones[0].n).toBe(0);
	});

	it('numbers and orders correctly on an edge whose clock is 3 minutes ahead, and the centre reports the skew', async () => {
		const other = world.mpps[1];
		// this MPP moves to its edge mid-day: the centre already gave A001 and A002
		for (let i = 0; i < 2; i++)
			expect(
				(
					await post(`${centre.url}/api/v1/mpps/${other.slug}/tickets`, other.devices.kiosk.token, {
						serviceId: other.services.a
					})
				).status
			).toBe(201);
		const skewed = await createEdgeToken(other, 'Edge jam salah');
		const database = await createEdgeDatabase();
		const skewedSql = createSql(database.url, 2);
		const preload = fileURLToPath(new URL('../helpers/clock-offset.mjs', import.meta.url));
		const server = await startEdge({
			url: database.url,
			token: skewed.token,
			slug: other.slug,
			env: {
				NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(),
				ANTREAN_TEST_CLOCK_OFFSET_MS: String(3 * 60_000)
			}
		});
		try {
			await expect
				.poll(async () => (await skewedSql`SELECT count(*)::int AS n FROM services`)[0].n, {
					timeout: 20_000
				})
				.toBe(3);
			const operator = await signIn(server.url, other.users.operator.email, PASSWORD);
			await post(`${server.url}/api/v1/counters/${other.counters.one}/status`, operator, { status: 'open' });
			const numbers: string[] = [];
			for (let i = 0; i < 5; i++) {
				const response = await post(
					`${server.url}/api/v1/mpps/${other.slug}/tickets`,
					other.devices.kiosk.token,
					{
						serviceId: other.services.a
					}
				);
				numbers.push(((await response.json()) as { number: string }).number);
			}
			// the edge numbers on from the centre's last number of the day
			expect(numbers).toEqual(['A003', 'A004', 'A005', 'A006', 'A007']);
			const called: string[] = [];
			// (the centre's A001 and A002 are not the edge's to call: they stay with the centre's day)
			for (let i = 0; i < 5; i++) {
				const response = await post(
					`${server.url}/api/v1/counters/${other.counters.one}/call-next`,
					operator
				);
				called.push(((await response.json()) as { ticket: { number: string } }).ticket.number);
			}
			expect(called).toEqual(numbers);

			await expect
				.poll(
					async () =>
						(await centreDb.sql`SELECT count(*)::int AS n FROM tickets WHERE mpp_id = ${other.id}`)[0].n - 2,
					{
						timeout: 20_000
					}
				)
				.toBe(5);
			const [node] = await centreDb.sql`SELECT clock_skew_ms FROM edge_nodes WHERE id = ${skewed.id}`;
			expect(Math.abs(node.clock_skew_ms - 180_000)).toBeLessThan(10_000);
			// at the centre, the edge's own clock orders its tickets as the hall saw them
			const order = await centreDb.sql`
				SELECT number FROM tickets WHERE mpp_id = ${other.id} ORDER BY issued_at, seq`;
			expect(order.map((r) => r.number)).toEqual(['A001', 'A002', ...numbers]);
			// and the admin sees it on the devices page
			const admin = await signIn(centre.url, other.users.mpp_admin.email, PASSWORD);
			const page = await (
				await fetch(`${centre.url}/admin/${other.slug}/devices`, {
					headers: { authorization: `Bearer ${admin}` }
				})
			).text();
			expect(page).toMatch(/3 mnt( \d+ dtk)? lebih cepat/);
		} finally {
			await server.stop();
			await skewedSql.end({ timeout: 1 });
			await dropDatabase(database.name);
		}
	});
});
