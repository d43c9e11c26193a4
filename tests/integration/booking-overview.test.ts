// The manager's Bookings tab (issue 12): per service and 15-minute window, the places the citizen's
// slot list offers and what became of the bookings (booked, checked in, no-show, cancelled), with the
// day's shared quota; only that MPP's bookings; the same access as every manager tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/domain/booking-slots';
import { localDate } from '../../src/lib/domain/local-day';
import { book } from '../../src/lib/server/booking/book';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { cancelBooking } from '../../src/lib/server/booking/manage';
import { sweepNoShows } from '../../src/lib/server/booking/no-show';
import { bookingOverview } from '../../src/lib/server/booking/overview';
import { listSlots } from '../../src/lib/server/booking/slots';
import { findMppById, type Mpp } from '../../src/lib/server/db/mpps';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;
let jakarta: Mpp;
let makassar: Mpp;
let day: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	await db.sql`UPDATE services SET booking_share = 100, daily_quota = 40, expected_service_minutes = 3`;
	jakarta = (await findMppById(db.sql, world.mpps[0].id))!;
	makassar = (await findMppById(db.sql, world.mpps[1].id))!;
	day = addDays(localDate(new Date(), jakarta.timezone), 1);
	app = await startAppServer(db.url);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const person = (i: number) => ({ name: `Warga ${i}`, phone: null, clientKey: `client-${i}`, byStaff: true });

describe('booking overview', () => {
	it('counts every window of the day by what became of its bookings, for this MPP only', async () => {
		const ktp = world.mpps[0].services.a;
		const at = (time: string) => ({ mpp: jakarta, serviceId: ktp, date: day, time });
		const codes = [];
		for (let i = 0; i < 4; i++)
			codes.push((await book(db.sql, { ...at('10:00'), ...person(i) })).booking.code);
		await book(db.sql, { ...at('10:15'), ...person(9) });
		// another MPP's booking at the same hour is not this MPP's
		await book(db.sql, {
			mpp: makassar,
			serviceId: world.mpps[1].services.a,
			date: day,
			time: '10:00',
			...person(20)
		});
		const slotStart = new Date(`${day}T03:00:00Z`); // 10:00 WIB
		await cancelBooking(db.sql, codes[0]);
		await checkIn(db.sql, { code: codes[1], actor: { userId: null, deviceId: null }, now: slotStart });
		// the 10:00 window's end (10:15) + 15 min grace has passed: the two left there did not come
		await sweepNoShows(db.sql, new Date(slotStart.getTime() + 31 * 60_000));

		const overview = await bookingOverview(db.sql, jakarta, day);
		expect(overview.date).toBe(day);
		expect(overview.days).toContain(day);
		const service = overview.services.find((s) => s.id === ktp)!;
		const ten = service.windows.find((w) => w.time === '10:00')!;
		expect(ten).toMatchObject({ booked: 0, cancelled: 1, checked_in: 1, no_show: 2, late_walk_in: 0 });
		// the 10:15 window's grace runs until 10:45: its booking is still open
		expect(service.windows.find((w) => w.time === '10:15')).toMatchObject({ booked: 1, no_show: 0 });
		expect(service.totals).toMatchObject({ cancelled: 1, checked_in: 1, no_show: 2, booked: 1 });
		// the checked-in booking took a number of the day's quota; no-shows and the cancelled one gave theirs back
		expect(service.dailyQuota).toBe(40);
		expect(service.numbersTaken).toBe(1);

		// places per window are the citizen's own slot list's
		const slots = await listSlots(db.sql, jakarta, ktp, day);
		for (const w of service.windows) {
			expect(w.capacity, w.time).toBe(slots.slots.find((s) => s.time === w.time)!.capacity);
		}
		expect(service.windows).toHaveLength(slots.slots.length);
		// the other MPP's booking is not here, and is in its own overview
		const all = overview.services.flatMap((s) => s.windows).reduce((n, w) => n + w.no_show + w.booked, 0);
		expect(all).toBe(3);
		const theirs = await bookingOverview(db.sql, makassar, day);
		// (10:00 WITA is an hour earlier: the sweep made it a no-show there)
		expect(theirs.services.find((s) => s.id === world.mpps[1].services.a)!.totals.no_show).toBe(1);
	});
});

describe('/manage/<mpp>/bookings over HTTP', () => {
	const get = (path: string, token?: string) =>
		fetch(`${app.url}${path}`, {
			redirect: 'manual',
			headers: { cookie: 'lang=id', ...(token ? { authorization: `Bearer ${token}` } : {}) }
		});

	it('shows the day to its manager, and refuses bad queries with a 400 in words', async () => {
		const [a] = world.mpps;
		const manager = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
		const page = await get(`/manage/${a.slug}/bookings?date=${day}&service=${a.services.a}`, manager);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Pemesanan per jam');
		expect(html).toContain('Kuota harian 40');
		expect(html).toContain('data-time="10:00"');

		for (const query of [
			'date=2020-01-01',
			'date=kemarin',
			'service=not-a-uuid',
			`service=${world.mpps[1].services.a}`,
			'date=2026-02-30'
		]) {
			const bad = await get(`/manage/${a.slug}/bookings?${query}`, manager);
			expect(bad.status, query).toBe(400);
			expect(await bad.text(), query).toMatch(/Tanggal tidak sah|Layanan tidak dikenal/);
		}
		// a crafted key is dropped, not a 500
		expect((await get(`/manage/${a.slug}/bookings?__proto__=x`, manager)).status).toBe(200);
	});

	it('has the access of every manager tab: login first, not for operators or other MPPs', async () => {
		const [a, b] = world.mpps;
		const anonymous = await get(`/manage/${a.slug}/bookings`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toContain('/login?redirectTo=');
		const operator = await signIn(app.url, a.users.operator.email, PASSWORD);
		expect((await get(`/manage/${a.slug}/bookings`, operator)).status).toBe(403);
		const other = await signIn(app.url, b.users.mpp_admin.email, PASSWORD);
		expect((await get(`/manage/${a.slug}/bookings`, other)).status).toBe(403);
		const ministry = await signIn(app.url, world.ministry.email, PASSWORD);
		expect((await get(`/manage/${a.slug}/bookings`, ministry)).status).toBe(200);
	});
});
