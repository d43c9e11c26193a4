// Booking reminders (issue 12) on two real nodes sharing one database, against a local push service:
// a browser subscribes from the booking page, gets one reminder when its window is within the MPP's
// reminder time (not before, once however many nodes sweep), nothing for a cancelled booking, and at
// check-in the same subscription follows the ticket, so "called: go to Loket N" arrives unasked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, localTime } from '../../src/lib/domain/local-day';
import { book } from '../../src/lib/server/booking/book';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { cancelBooking } from '../../src/lib/server/booking/manage';
import { findMppById, type Mpp } from '../../src/lib/server/db/mpps';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { startPushService, type PushService } from '../helpers/push-service';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let push: PushService;
let nodeA: AppServer;
let nodeB: AppServer;
let mpps: Mpp[];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	// one-minute services and all places bookable, so every window has room
	await db.sql`UPDATE services SET booking_share = 100, expected_service_minutes = 1`;
	mpps = await Promise.all(world.mpps.map(async (m) => (await findMppById(db.sql, m.id))!));
	push = await startPushService();
	const env = {
		NODE_EXTRA_CA_CERTS: push.caFile,
		ANTREAN_PUSH_HOSTS: '127.0.0.1',
		ANTREAN_NOTIFY_SWEEP_MS: '200',
		ANTREAN_NOTIFY_RETRY_MS: '1000'
	};
	[nodeA, nodeB] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
	await waitForListeners(db.sql, 2);
}, 120_000);

afterAll(async () => {
	await Promise.all([nodeA?.stop(), nodeB?.stop()]);
	await push?.close();
	await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
		await sleep(100);
	}
}

const subscribe = (node: AppServer, code: string, body: unknown) =>
	fetch(`${node.url}/api/v1/bookings/${code}/push`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});

const windowAhead = (minutesAhead: number) =>
	new Date(Math.ceil((Date.now() + minutesAhead * 60_000) / 900_000) * 900_000);

/** A booking of KTP-el at the window `minutesAhead` from now (rounded up to the quarter hour). */
async function bookAhead(minutesAhead: number, who: string, mppIndex = 0) {
	const mpp = mpps[mppIndex];
	const local = localTime(windowAhead(minutesAhead), mpp.timezone);
	const { booking } = await book(db.sql, {
		mpp,
		serviceId: world.mpps[mppIndex].services.a,
		date: local.date,
		time: formatClock(local.minutes),
		name: who,
		phone: null,
		clientKey: who,
		byStaff: true
	});
	const [{ id }] = await db.sql<{ id: string }[]>`SELECT id FROM bookings WHERE code = ${booking.code}`;
	return { ...booking, id };
}

const received = (path: string) => push.received.filter((r) => r.path === path);

describe('booking reminders', () => {
	it('reminds once when the window is near, never for a later or a cancelled booking', async () => {
		const near = await bookAhead(20, 'near');
		const later = await bookAhead(3 * 60, 'later');
		// subscribed and cancelled while its window is still far (the nodes sweep every 200 ms: a window
		// already near could be reminded between the two, rightly), then its window comes near
		const cancelled = await bookAhead(3 * 60, 'cancelled');
		expect((await subscribe(nodeB, cancelled.code, push.subscription('/r/cancelled'))).status).toBe(201);
		await cancelBooking(db.sql, cancelled.code);
		await db.sql`UPDATE bookings SET slot_start = ${windowAhead(20)} WHERE id = ${cancelled.id}`;
		expect((await subscribe(nodeA, near.code, push.subscription('/r/near'))).status).toBe(201);
		expect((await subscribe(nodeB, later.code, push.subscription('/r/later'))).status).toBe(201);

		const [reminder] = await until(
			() => received('/r/near'),
			(r) => r.length > 0,
			'the reminder'
		);
		expect(reminder.message!.title).toBe(`Pengingat: MPP ${world.mpps[0].slug}`);
		expect(reminder.message!.body).toContain('WIB');
		expect(reminder.message!.body).toContain(near.code);
		expect(reminder.message!.url).toBe(`/book/${world.mpps[0].slug}/${near.code}`);
		expect(Number(reminder.headers.ttl)).toBeLessThanOrEqual(3600);
		// two nodes sweep many times meanwhile: still one reminder, none for the others
		await sleep(1500);
		expect(received('/r/near')).toHaveLength(1);
		expect(received('/r/later')).toHaveLength(0);
		expect(received('/r/cancelled')).toHaveLength(0);
		// the cancelled booking's subscription is gone; the later one's waits for its time
		const rows = await db.sql`SELECT booking_id FROM push_subscriptions WHERE ticket_id IS NULL`;
		expect(rows.map((r) => r.booking_id).sort()).toEqual([near.id, later.id].sort());
	});

	it('carries the subscription to the ticket at check-in: the call is pushed unasked', async () => {
		// a window after local midnight is tomorrow's queue, not callable today: of the two MPPs (WIB,
		// WITA, an hour apart) take the one whose window falls on its own today, so this runs at any hour
		const i = mpps.findIndex(
			(m) => localTime(windowAhead(10), m.timezone).date === localTime(new Date(), m.timezone).date
		);
		const fixture = world.mpps[i];
		const booking = await bookAhead(10, 'carried', i);
		expect((await subscribe(nodeA, booking.code, push.subscription('/r/carried'))).status).toBe(201);
		await until(
			() => received('/r/carried'),
			(r) => r.length === 1,
			'the reminder'
		);
		const checked = await checkIn(db.sql, { code: booking.code, actor: {} });
		const [sub] = await db.sql`SELECT ticket_id FROM push_subscriptions WHERE booking_id = ${booking.id}`;
		expect(sub.ticket_id).toBe(checked.ticket.id);

		// the only waiting KTP-el ticket: Loket 1 calls it
		const token = await signIn(nodeA.url, fixture.users.operator.email, PASSWORD);
		for (;;) {
			const call = await fetch(`${nodeA.url}/api/v1/counters/${fixture.counters.one}/call-next`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}` }
			});
			if (call.status !== 200) break;
			const { ticket } = (await call.json()) as { ticket: { id: string } };
			if (ticket.id === checked.ticket.id) break;
		}
		const called = await until(
			() => received('/r/carried').filter((r) => r.message?.title.includes(checked.ticket.number)),
			(r) => r.some((p) => p.message!.body.includes('Loket 1')),
			'the call'
		);
		expect(called.length).toBeGreaterThan(0);
	});

	it('refuses a bad subscription, an unknown code and a closed booking in words', async () => {
		const booking = await bookAhead(60, 'closed');
		const bad = await subscribe(nodeA, booking.code, { endpoint: 'https://evil.test/x', keys: {} });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
		expect((await subscribe(nodeA, 'ZZZZZZZZ', push.subscription('/r/unknown'))).status).toBe(404);
		await cancelBooking(db.sql, booking.code);
		const closed = await subscribe(nodeA, booking.code, push.subscription('/r/closed'));
		expect(closed.status).toBe(409);
		expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('booking_closed');
	});
});
