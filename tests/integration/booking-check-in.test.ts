// Check-in turns a booking into a ticket through the queue engine, within the MPP's window, and the
// booked time is honoured (Batam, DOMAIN §8): callNext calls a checked-in booking before walk-ins who
// came after its slot started, and after those who came before. Too late → a walk-in ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { cancelBooking } from '../../src/lib/server/booking/manage';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { bookFor, wib } from '../helpers/booking';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;
const day = '2026-11-23';

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
	await db.sql`UPDATE services SET expected_service_minutes = 2 WHERE id = ${jkt.services.a}`;
});
afterAll(() => db.drop());

const bookAt10 = async () =>
	(
		await bookFor(db.sql, jkt.id, {
			serviceId: jkt.services.a,
			date: day,
			time: '10:00',
			now: wib(day, '07:00')
		})
	).booking;
const walkIn = async (clock: string) =>
	(await issueTicket(db.sql, { mppId: jkt.id, serviceId: jkt.services.a, actor: {}, now: wib(day, clock) }))
		.ticket;
const checkInAt = (code: string, clock: string) =>
	checkIn(db.sql, { code, mppId: jkt.id, actor: { deviceId: jkt.devices.kiosk.id }, now: wib(day, clock) });

async function refusal(p: Promise<unknown>) {
	try {
		await p;
	} catch (error) {
		return error as { code: string; message: string };
	}
	return { code: 'accepted', message: '' };
}

describe('check-in', () => {
	it('opens 30 minutes before the slot and calls the booking before walk-ins who came after its start', async () => {
		const first = await bookAt10();
		const second = await bookAt10();
		const early = await refusal(checkInAt(first.code, '09:20'));
		expect(early).toMatchObject({ code: 'too_early' });
		expect(early.message).toContain('09:30 WIB');

		const w1 = await walkIn('09:35');
		const b1 = await checkInAt(first.code.toLowerCase(), '09:40');
		expect(b1).toMatchObject({ late: false, booking: { status: 'checked_in' } });
		expect(b1.booking.ticket?.number).toBe(b1.ticket.number);
		const w0 = await walkIn('09:45');
		const w2 = await walkIn('10:05');
		const b2 = await checkInAt(second.code, '10:10');
		expect(b2.late).toBe(false);
		const [kept] = await db.sql<{ source: string; bookedSlotStart: Date; queuedAt: Date }[]>`
			SELECT source, booked_slot_start AS "bookedSlotStart", queued_at AS "queuedAt" FROM tickets WHERE id = ${b2.ticket.id}`;
		expect(kept).toEqual({
			source: 'booking',
			bookedSlotStart: wib(day, '10:00'),
			queuedAt: wib(day, '10:00')
		});

		const order = [];
		for (const clock of ['10:12', '10:14', '10:16', '10:18', '10:20']) {
			const called = await callNext(db.sql, { counterId: jkt.counters.two, actor: {}, now: wib(day, clock) });
			order.push(called.ticket?.number);
		}
		expect(order).toEqual([w1.number, w0.number, b1.ticket.number, b2.ticket.number, w2.number]);
	});

	it('turns a late arrival into a walk-in ticket with a clear message', async () => {
		const booking = await bookAt10();
		const late = await checkInAt(booking.code, '10:20');
		expect(late).toMatchObject({ late: true, booking: { status: 'late_walk_in' } });
		const [row] = await db.sql<{ source: string; queuedAt: Date }[]>`
			SELECT source, queued_at AS "queuedAt" FROM tickets WHERE id = ${late.ticket.id}`;
		expect(row).toEqual({ source: 'kiosk', queuedAt: wib(day, '10:20') });
		expect((await refusal(checkInAt(booking.code, '10:21'))).code).toBe('already_checked_in');
	});

	it('refuses a cancelled booking, an unknown code and another MPP’s kiosk; keeps the ledger whole', async () => {
		const booking = await bookAt10();
		await cancelBooking(db.sql, booking.code, wib(day, '08:00'));
		expect((await refusal(checkInAt(booking.code, '09:50'))).code).toBe('booking_closed');
		expect((await refusal(checkInAt('ABCD-EFGH', '09:50'))).code).toBe('booking_not_found');
		const other = await bookAt10();
		const elsewhere = await refusal(
			checkIn(db.sql, { code: other.code, mppId: crypto.randomUUID(), actor: {}, now: wib(day, '09:50') })
		);
		expect(elsewhere.code).toBe('booking_not_found');
		// numbers stay contiguous and every place is accounted for: tickets + open bookings
		const [ledger] = await db.sql<{ lastSeq: number; booked: number }[]>`
			SELECT last_seq AS "lastSeq", booked FROM ticket_daily_counters
			WHERE service_id = ${jkt.services.a} AND local_date = ${day}`;
		const [counts] = await db.sql<{ tickets: number; open: number; maxSeq: number }[]>`
			SELECT (SELECT count(*)::int FROM tickets WHERE service_id = ${jkt.services.a}) AS tickets,
				(SELECT max(seq) FROM tickets WHERE service_id = ${jkt.services.a}) AS "maxSeq",
				(SELECT count(*)::int FROM bookings WHERE service_id = ${jkt.services.a} AND status = 'booked') AS open`;
		expect(ledger).toEqual({ lastSeq: counts.tickets, booked: counts.open });
		expect(counts.maxSeq).toBe(counts.tickets);
	});

	it('calls at most booking_ratio booked tickets in a row while walk-ins who came later wait', async () => {
		const day2 = '2026-11-24';
		const at = (clock: string) => wib(day2, clock);
		const run = async (ratio: number) => {
			await db.sql`UPDATE mpps SET booking_ratio = ${ratio} WHERE id = ${jkt.id}`;
			const start = ratio === 1 ? '11:00' : '13:00';
			const late =
				ratio === 1
					? ['11:01', '11:02', '11:03', '11:04', '11:05', '11:06']
					: ['13:01', '13:02', '13:03', '13:04', '13:05', '13:06'];
			const booked = [];
			for (let i = 0; i < 2; i++) {
				const { booking } = await bookFor(db.sql, jkt.id, {
					serviceId: jkt.services.a,
					date: day2,
					time: start,
					now: at('07:00')
				});
				booked.push(booking);
			}
			const walkIns = [];
			for (const clock of late.slice(0, 2)) {
				walkIns.push(
					(await issueTicket(db.sql, { mppId: jkt.id, serviceId: jkt.services.a, actor: {}, now: at(clock) }))
						.ticket.number
				);
			}
			const checked = [];
			for (const [i, b] of booked.entries())
				checked.push(
					(await checkIn(db.sql, { code: b.code, actor: {}, now: at(late[2 + i]) })).ticket.number
				);
			const order = [];
			for (const clock of late.slice(2)) {
				order.push(
					(await callNext(db.sql, { counterId: jkt.counters.two, actor: {}, now: at(clock) })).ticket?.number
				);
			}
			return { order, walkIns, checked };
		};
		const strict = await run(1);
		expect(strict.order).toEqual([
			strict.checked[0],
			strict.walkIns[0],
			strict.checked[1],
			strict.walkIns[1]
		]);
		const usual = await run(3);
		expect(usual.order).toEqual([...usual.checked, ...usual.walkIns]);
	});
});
