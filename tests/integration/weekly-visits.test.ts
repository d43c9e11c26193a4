// The ministry's weekly visit report (issue 5, DOMAIN §2): tickets issued and served per MPP per ISO
// week of that MPP's own local dates (DOMAIN §6). Each MPP's week totals must equal its tickets summed
// per local day, in WIB, WITA and WIT alike, for closed weeks and a week in progress; the CSV must say
// what the JSON says; and only the ministry and the superadmin may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, mondayOf } from '../../src/lib/domain/iso-week';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays, zonedInstant } from '../../src/lib/domain/zoned-time';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { generateHistory } from '../../src/lib/server/history/generate';
import { weeklyVisits, type WeeklyVisits } from '../../src/lib/server/national/weekly-visits';
import { issueTicket } from '../../src/lib/server/queue';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { allDay, createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let mpps: { id: string; slug: string; timezone: string }[];

// weeks relative to the real clock, so the HTTP door (which reads the real clock) sees the same ones
const now = new Date();
const thisMonday = mondayOf(localDate(now, 'Asia/Jakarta'));
const first = addDays(thisMonday, -21);
const last = addDays(thisMonday, -7);
/** a Wednesday morning of the last complete week, when that week was in progress */
const midWeek = new Date(zonedInstant(addDays(last, 2), 10 * 3600, 'Asia/Jakarta'));
/** Sunday 23:30 in Jakarta at the end of the first week: already Monday in Makassar and Jayapura */
const boundary = new Date(zonedInstant(addDays(first, 6), 23.5 * 3600, 'Asia/Jakarta'));

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const wit = await insertMpp(db.sql, {
		slug: 'jayapura-uji',
		name: 'MPP jayapura-uji',
		province: 'Papua',
		city: 'Jayapura',
		timezone: 'Asia/Jayapura',
		openingHours: allDay
	});
	const tenant = await insertTenant(db.sql, { mppId: wit.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const service = await insertService(db.sql, {
		mppId: wit.id,
		tenantId: tenant.id,
		code: 'KTP',
		prefix: 'A',
		name: 'KTP-el'
	});
	await insertCounter(db.sql, {
		mppId: wit.id,
		tenantId: tenant.id,
		name: 'Loket 1',
		serviceIds: [service.id],
		status: 'open'
	});
	mpps = [...world.mpps, { id: wit.id, slug: wit.slug, timezone: wit.timezone }];
	for (const [i, mpp] of mpps.entries()) {
		await generateHistory(db.sql, {
			mppId: mpp.id,
			from: first,
			to: addDays(thisMonday, -1),
			ticketsPerWeekday: 30 + 20 * i,
			seed: 3 + i
		});
	}
	const services = [world.mpps[0].services.a, world.mpps[1].services.a, service.id];
	for (const [i, mpp] of mpps.entries()) {
		await issueTicket(db.sql, { mppId: mpp.id, serviceId: services[i], actor: {}, now: boundary });
	}
});

afterAll(async () => {
	await db?.drop();
});

/** Tickets per MPP per ISO week, from each ticket's instant in its MPP's zone, up to `until` per MPP. */
async function expectedWeeks(until: (timezone: string) => string) {
	const tickets = await db.sql<{ mppId: string; timezone: string; issuedAt: Date; status: string }[]>`
		SELECT t.mpp_id AS "mppId", m.timezone, t.issued_at AS "issuedAt", t.status
		FROM tickets t JOIN mpps m ON m.id = t.mpp_id`;
	const weeks = new Map<string, { issued: number; served: number }>();
	for (const t of tickets) {
		const date = localDate(t.issuedAt, t.timezone);
		if (date > until(t.timezone)) continue;
		const key = `${t.mppId} ${mondayOf(date)}`;
		const cell = weeks.get(key) ?? { issued: 0, served: 0 };
		cell.issued += 1;
		if (t.status === 'done') cell.served += 1;
		weeks.set(key, cell);
	}
	return (mppId: string, monday: string) => weeks.get(`${mppId} ${monday}`) ?? { issued: 0, served: 0 };
}

function expectTotalsAdd(report: WeeklyVisits) {
	for (const row of report.rows) {
		expect(row.issued).toBe(row.weeks.reduce((s, w) => s + w.issued, 0));
		expect(row.served).toBe(row.weeks.reduce((s, w) => s + w.served, 0));
	}
	report.weeks.forEach((_, i) => {
		expect(report.total.weeks[i].issued).toBe(report.rows.reduce((s, r) => s + r.weeks[i].issued, 0));
		expect(report.total.weeks[i].served).toBe(report.rows.reduce((s, r) => s + r.weeks[i].served, 0));
	});
	expect(report.total.issued).toBe(report.rows.reduce((s, r) => s + r.issued, 0));
	expect(report.total.served).toBe(report.rows.reduce((s, r) => s + r.served, 0));
}

describe('the weekly visit report', () => {
	it('puts the Sunday-night ticket in the WIB MPP’s first week and in the others’ second', () => {
		// the test data really straddles a week boundary in one instant
		expect(mondayOf(localDate(boundary, 'Asia/Jakarta'))).toBe(first);
		expect(mondayOf(localDate(boundary, 'Asia/Makassar'))).toBe(addDays(first, 7));
		expect(mondayOf(localDate(boundary, 'Asia/Jayapura'))).toBe(addDays(first, 7));
	});

	// first, while the rollups are not caught up beyond that Wednesday
	it('counts a week in progress up to each MPP’s own today, the closed days from rollups', async () => {
		const report = await weeklyVisits(db.sql, { from: addDays(first, 7), to: last, now: midWeek });
		expect(report.weeks.map((w) => [w.week, w.inProgress])).toEqual([
			[isoWeekOf(addDays(first, 7)), false],
			[isoWeekOf(last), true]
		]);
		const expected = await expectedWeeks((tz) => localDate(midWeek, tz));
		for (const mpp of mpps) {
			const row = report.rows.find((r) => r.mppId === mpp.id)!;
			expect(row.weeks, mpp.slug).toEqual(report.weeks.map((w) => expected(mpp.id, w.from)));
			expect(row.weeks[1].issued, mpp.slug).toBeGreaterThan(0);
		}
		expectTotalsAdd(report);
	});

	it('equals each MPP’s tickets summed per local day, for every closed week and zone', async () => {
		const report = await weeklyVisits(db.sql, { from: first, to: last, now });
		expect(report.weeks.map((w) => w.week)).toEqual([first, addDays(first, 7), last].map(isoWeekOf));
		expect(report.weeks.every((w) => !w.inProgress)).toBe(true);
		const expected = await expectedWeeks(() => '9999-12-31');
		expect(report.rows.map((r) => r.slug).sort()).toEqual(mpps.map((m) => m.slug).sort());
		for (const mpp of mpps) {
			const row = report.rows.find((r) => r.mppId === mpp.id)!;
			expect(row.weeks, mpp.slug).toEqual(report.weeks.map((w) => expected(mpp.id, w.from)));
			expect(row.served).toBeGreaterThan(0);
			expect(row.served).toBeLessThan(row.issued);
		}
		expectTotalsAdd(report);
		// busiest first
		const totals = report.rows.map((r) => r.issued);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('keeps to a time zone or a province', async () => {
		const wita = await weeklyVisits(db.sql, { from: first, to: last, now, filter: { zone: 'WITA' } });
		expect(wita.rows.map((r) => [r.slug, r.zone])).toEqual([['makassar-uji', 'WITA']]);
		expect(wita.total.mpps).toBe(1);
		expect(wita.total.issued).toBe(wita.rows[0].issued);
		const papua = await weeklyVisits(db.sql, { from: first, to: last, now, filter: { province: 'Papua' } });
		expect(papua.rows.map((r) => r.slug)).toEqual(['jayapura-uji']);
		const none = await weeklyVisits(db.sql, {
			from: first,
			to: last,
			now,
			filter: { province: 'Papua', zone: 'WIB' }
		});
		expect(none.rows).toEqual([]);
		expect(none.total).toMatchObject({ mpps: 0, issued: 0, served: 0 });
	});
});

describe('over HTTP', () => {
	let app: AppServer;
	const range = `from=${isoWeekOf(first)}&to=${isoWeekOf(last)}`;

	beforeAll(async () => {
		app = await startAppServer(db.url);
	});

	afterAll(async () => {
		await app?.stop();
	});

	const get = (path: string, token: string, accept?: string) =>
		fetch(`${app.url}${path}`, {
			redirect: 'manual',
			headers: { authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) }
		});

	/** A CSV without quoted fields (the test world's names have no commas) into rows of cells. */
	const parseCsv = (text: string) =>
		text
			.split('\r\n')
			.filter(Boolean)
			.map((line) => line.split(','));

	it('answers the ministry in JSON and CSV alike, the CSV named by its dates', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const response = await get(`/api/v1/stats/weekly-visits?${range}`, token);
		expect(response.status).toBe(200);
		const report = (await response.json()) as WeeklyVisits & { fromWeek: string; toWeek: string };
		expect(report.fromWeek).toBe(isoWeekOf(first));
		expect(report.rows).toHaveLength(3);
		const direct = await weeklyVisits(db.sql, { from: first, to: last, now: new Date() });
		expect(report.rows).toEqual(direct.rows);

		for (const [path, accept] of [
			[`/ministry/report.csv?${range}`, undefined],
			[`/api/v1/stats/weekly-visits?${range}`, 'text/csv']
		] as const) {
			const csv = await get(path, token, accept);
			expect(csv.status, path).toBe(200);
			expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(csv.headers.get('content-disposition')).toBe(
				`attachment; filename="antrean-weekly-visits-${first}_${addDays(last, 6)}.csv"`
			);
			const [header, ...lines] = parseCsv(await csv.text());
			const weekColumns = report.weeks.flatMap((w) => [`${w.week}_issued`, `${w.week}_served`]);
			expect(header).toEqual([
				'mpp_id',
				'slug',
				'name',
				'province',
				'city',
				'zone',
				...weekColumns,
				'total_issued',
				'total_served'
			]);
			expect(lines).toHaveLength(report.rows.length + 1);
			report.rows.forEach((row, i) => {
				expect(lines[i]).toEqual([
					row.mppId,
					row.slug,
					row.name,
					row.province,
					row.city,
					row.zone,
					...row.weeks.flatMap((w) => [String(w.issued), String(w.served)]),
					String(row.issued),
					String(row.served)
				]);
			});
			expect(lines.at(-1)).toEqual([
				'total',
				'',
				'',
				'',
				'',
				'',
				...report.total.weeks.flatMap((w) => [String(w.issued), String(w.served)]),
				String(report.total.issued),
				String(report.total.served)
			]);
		}
	});

	it('shows the page with every MPP, its total and a link to its read-only dashboard', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const response = await get(`/ministry/report?${range}&zone=WIT`, token);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Laporan kunjungan mingguan');
		// SvelteKit renders its links relative to the page
		expect(html).toMatch(/href="(\.\.\/)+manage\/jayapura-uji"/);
		expect(html).not.toContain('makassar-uji');
		expect(html).toContain(`zone=WIT`); // the CSV link keeps the filter
	});

	it('refuses bad weeks with a 400 that names the field, and weeks still to come', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const bad = await get('/api/v1/stats/weekly-visits?from=2026-W99', token);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('from');
		const future = await get(`/api/v1/stats/weekly-visits?to=${isoWeekOf(addDays(thisMonday, 21))}`, token);
		expect(future.status).toBe(400);
		const tooLong = await get(
			`/api/v1/stats/weekly-visits?from=${isoWeekOf(addDays(first, -7 * 30))}&to=${isoWeekOf(last)}`,
			token
		);
		expect(tooLong.status).toBe(400);
		expect((await get('/ministry/report?zone=XYZ', token)).status).toBe(400);
	});

	it('is for the ministry and the superadmin only', async () => {
		const superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
		expect((await get(`/ministry/report?${range}`, superadmin)).status).toBe(200);
		const [a] = world.mpps;
		for (const email of [a.users.mpp_admin.email, a.users.supervisor.email, a.users.operator.email]) {
			const token = await signIn(app.url, email, PASSWORD);
			expect((await get(`/ministry/report?${range}`, token)).status, email).toBe(403);
			expect((await get(`/ministry/report.csv?${range}`, token)).status, email).toBe(403);
			expect((await get(`/api/v1/stats/weekly-visits?${range}`, token)).status, email).toBe(403);
		}
		expect((await get(`/ministry/report.csv?${range}`, a.devices.kiosk.token)).status).toBe(403);
		const anonymous = await fetch(`${app.url}/ministry/report`, { redirect: 'manual' });
		expect(anonymous.status).toBe(303);
		expect((await fetch(`${app.url}/ministry/report.csv`)).status).toBe(401);
	});
});
