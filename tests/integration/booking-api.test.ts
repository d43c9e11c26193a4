// The booking doors of API v1 through a real server (issue 12): slots, book, read, cancel, check-in;
// bad input of every kind is a 4xx with the API's error body, never a 500; __proto__ keys refused;
// an Idempotency-Key makes a retried booking one booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../../src/lib/domain/local-day';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

/** The MPP-local date and 'HH:MM' of an instant in Jakarta. */
function local(at: Date) {
	const t = localTime(at, 'Asia/Jakarta');
	return {
		date: t.date,
		time: `${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}`
	};
}
/** The next 15-minute window starting at least `minutes` from now. */
function windowIn(minutes: number) {
	const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 900_000) * 900_000);
	return local(at);
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
const bookings = () => `/api/v1/mpps/${jkt.slug}/bookings`;
const valid = (w = windowIn(24 * 60)) => ({
	serviceId: jkt.services.a,
	date: w.date,
	time: w.time,
	name: 'Siti Aminah'
});

describe('booking API', () => {
	it('lists windows with places, books one, reads it back with the phone masked, and cancels it', async () => {
		const w = windowIn(24 * 60);
		const slotsUrl = `${app.url}/api/v1/mpps/${jkt.slug}/slots?serviceId=${jkt.services.a}&date=${w.date}`;
		const before = (await (await fetch(slotsUrl)).json()) as {
			zone: string;
			slots: { time: string; available: number }[];
		};
		expect(before.zone).toBe('WIB');
		const free = before.slots.find((s) => s.time === w.time)!.available;
		expect(free).toBeGreaterThan(0);

		const made = await post(bookings(), { ...valid(w), phone: '0812-3456-7890', phoneConsent: true });
		expect(made.status).toBe(201);
		const booking = (await made.json()) as { code: string; phone: string; zone: string; status: string };
		expect(booking).toMatchObject({ status: 'booked', zone: 'WIB', phone: '+62••••••••890' });
		const after = (await (await fetch(slotsUrl)).json()) as typeof before;
		expect(after.slots.find((s) => s.time === w.time)!.available).toBe(free - 1);

		const read = await fetch(`${app.url}/api/v1/bookings/${booking.code.toLowerCase()}`);
		expect(read.status).toBe(200);
		const cancelled = await fetch(`${app.url}/api/v1/bookings/${booking.code}`, { method: 'DELETE' });
		expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
		const freed = (await (await fetch(slotsUrl)).json()) as typeof before;
		expect(freed.slots.find((s) => s.time === w.time)!.available).toBe(free);
	});

	it('makes a retried booking with the same Idempotency-Key one booking', async () => {
		const body = valid(windowIn(25 * 60));
		const key = { 'idempotency-key': 'booking-retry-0001' };
		const first = await post(bookings(), body, key);
		const again = await post(bookings(), body, key);
		expect(first.status).toBe(201);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(((await again.json()) as { code: string }).code).toBe(
			((await first.json()) as { code: string }).code
		);
	});

	it('checks a booking in from the phone within the window: it becomes a ticket', async () => {
		const w = windowIn(1);
		const made = (await (await post(bookings(), valid(w))).json()) as { code: string };
		const response = await post(`/api/v1/bookings/${made.code}/check-in`, {});
		expect(response.status).toBe(201);
		const body = (await response.json()) as {
			late: boolean;
			ticket: { number: string; trackCode: string };
			booking: { status: string };
		};
		expect(body).toMatchObject({ late: false, booking: { status: 'checked_in' } });
		expect(body.ticket.number).toMatch(/^A\d{3}$/);
		const again = await post(`/api/v1/bookings/${made.code}/check-in`, {});
		expect(again.status).toBe(409);
		expect(((await again.json()) as { error: { code: string } }).error.code).toBe('already_checked_in');
	});

	it('limits one client to four bookings a day, but not the MPP’s staff booking for residents', async () => {
		// every anonymous request of this file comes from one client (127.0.0.1), which booked before
		const day = windowIn(3 * 24 * 60);
		const times = ['08:00', '08:15', '08:30', '08:45', '09:00', '09:15'];
		let last: Response | undefined;
		for (const time of times.slice(0, 5)) last = await post(bookings(), { ...valid(day), time });
		expect(last!.status).toBe(409);
		expect(((await last!.json()) as { error: { code: string } }).error.code).toBe('limit_reached');

		const token = await signIn(app.url, jkt.users.operator.email, PASSWORD);
		const staff = { authorization: `Bearer ${token}` };
		const desk = [];
		for (const time of times)
			desk.push((await post(bookings(), { ...valid(windowIn(4 * 24 * 60)), time }, staff)).status);
		expect(desk).toEqual([201, 201, 201, 201, 201, 201]);
	});

	it('stays up when a window opens to a crowd (Pontianak, DOMAIN §8): its places taken, the rest refused in words', async () => {
		const token = await signIn(app.url, jkt.users.operator.email, PASSWORD);
		const staff = { authorization: `Bearer ${token}` };
		// a window with a few places: all of the counters' throughput bookable, two-minute services
		await db.sql`UPDATE services SET booking_share = 100, expected_service_minutes = 2 WHERE id = ${jkt.services.b}`;
		const w = windowIn(5 * 24 * 60);
		const slotsUrl = `${app.url}/api/v1/mpps/${jkt.slug}/slots?serviceId=${jkt.services.b}&date=${w.date}`;
		const places = (
			(await (await fetch(slotsUrl)).json()) as { slots: { time: string; available: number }[] }
		).slots.find((s) => s.time === w.time)!.available;
		// 200 presses at once for the same window, and the health check asked meanwhile
		const presses = Array.from({ length: 200 }, () =>
			post(bookings(), { ...valid(w), serviceId: jkt.services.b }, staff)
		);
		const ready = fetch(`${app.url}/readyz`);
		const answers = await Promise.all(presses);
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 201)).toHaveLength(places);
		expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
		const refusals = await Promise.all(answers.filter((r) => r.status === 409).map((r) => r.json()));
		for (const body of refusals) expect((body as { error: { code: string } }).error.code).toBe('slot_full');
		expect((await ready).status).toBe(200);
		const after = (await (await fetch(slotsUrl)).json()) as { slots: { time: string; available: number }[] };
		expect(after.slots.find((s) => s.time === w.time)!.available).toBe(0);
	});

	const refused: [string, () => Promise<Response>, number, string][] = [
		['malformed JSON', () => post(bookings(), '{"serviceId":'), 400, 'invalid_json'],
		[
			'a __proto__ key',
			() => post(bookings(), `{"__proto__":{"x":1},"serviceId":"${jkt.services.a}"}`),
			400,
			'unsafe_key'
		],
		['an unknown field', () => post(bookings(), { ...valid(), admin: true }), 400, 'validation_failed'],
		[
			'a phone without consent',
			() => post(bookings(), { ...valid(), phone: '081234567890' }),
			400,
			'validation_failed'
		],
		[
			'a phone that is no phone',
			() => post(bookings(), { ...valid(), phone: 'call me', phoneConsent: true }),
			400,
			'validation_failed'
		],
		['an empty name', () => post(bookings(), { ...valid(), name: '   ' }), 400, 'validation_failed'],
		[
			'a time that is no time',
			() => post(bookings(), { ...valid(), time: '25:00' }),
			400,
			'validation_failed'
		],
		[
			'a date that is no date',
			() => post(bookings(), { ...valid(), date: '2026-02-30x' }),
			400,
			'validation_failed'
		],
		[
			'form data',
			() =>
				fetch(`${app.url}${bookings()}`, {
					method: 'POST',
					headers: { origin: app.url },
					body: new URLSearchParams({ name: 'x' })
				}),
			415,
			'unsupported_media_type'
		],
		['a time between windows', () => post(bookings(), { ...valid(), time: '10:05' }), 409, 'outside_hours'],
		[
			'a day beyond the horizon',
			() => post(bookings(), valid(windowIn(20 * 24 * 60))),
			409,
			'beyond_horizon'
		],
		[
			'another MPP’s service',
			() => post(bookings(), { ...valid(), serviceId: crypto.randomUUID() }),
			404,
			'service_not_found'
		],
		['an unknown MPP', () => post('/api/v1/mpps/nowhere/bookings', valid()), 404, 'mpp_not_found'],
		[
			'slots without a service',
			() => fetch(`${app.url}/api/v1/mpps/${jkt.slug}/slots?date=2026-12-01`),
			400,
			'validation_failed'
		],
		[
			'slots with __proto__',
			() =>
				fetch(
					`${app.url}/api/v1/mpps/${jkt.slug}/slots?__proto__=1&serviceId=${jkt.services.a}&date=2026-12-01`
				),
			400,
			'unsafe_key'
		],
		['an unknown code', () => fetch(`${app.url}/api/v1/bookings/ABCDEFGH`), 404, 'booking_not_found'],
		[
			'a code that is no code',
			() => fetch(`${app.url}/api/v1/bookings/__proto__`, { method: 'DELETE' }),
			404,
			'booking_not_found'
		],
		[
			'check-in of an unknown code',
			() => post('/api/v1/bookings/ABCDEFGH/check-in', {}),
			404,
			'booking_not_found'
		]
	];
	it.each(refused)('refuses %s with a readable 4xx', async (_, send, status, code) => {
		const response = await send();
		expect(response.status).toBe(status);
		const body = (await response.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe(code);
		expect(body.error.message.length).toBeGreaterThan(5);
	});
});
