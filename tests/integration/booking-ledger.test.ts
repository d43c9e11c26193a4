// One quota ledger (issue 12, Kendari in DOMAIN §8): walk-in tickets and bookings draw from the same
// daily quota and the same window places under one row lock, so neither can oversell the other, even
// when both press at once; a cancelled booking gives its place back at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelBooking } from '../../src/lib/server/booking/manage';
import { listSlots } from '../../src/lib/server/booking/slots';
import { findMppById } from '../../src/lib/server/db/mpps';
import { issueTicket } from '../../src/lib/server/queue';
import { bookFor, setBookingRules, wib } from '../helpers/booking';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;
const today = '2026-11-23';
const now = wib(today, '08:00');

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
});
afterAll(() => db.drop());

const walkIn = (serviceId: string, priorityGroup: 'lansia' | null = null) =>
	issueTicket(db.sql, { mppId: jkt.id, serviceId, priorityGroup, actor: {}, now });

async function refusalOf(p: Promise<unknown>): Promise<string> {
	try {
		await p;
	} catch (error) {
		return (error as { code: string }).code;
	}
	return 'accepted';
}

describe('one quota ledger for walk-ins and bookings', () => {
	it('counts bookings against the daily quota and gives a cancelled place back at once', async () => {
		// 2 counters × 15 / 5 min × 100 % = 6 places a window; 10 a day
		await setBookingRules(db.sql, jkt.services.a, {
			dailyQuota: 10,
			bookingShare: 100,
			expectedServiceMinutes: 5
		});
		const booked = [];
		for (let i = 0; i < 4; i++) {
			booked.push(
				(await bookFor(db.sql, jkt.id, { serviceId: jkt.services.a, date: today, time: '10:00', now }))
					.booking
			);
		}
		let walkIns = 0;
		while ((await refusalOf(walkIn(jkt.services.a))) === 'accepted') walkIns++;
		expect(walkIns).toBe(6);
		expect(await refusalOf(walkIn(jkt.services.a))).toBe('quota_reached');

		// the page shows what the ledger says: no place left anywhere that day
		const mpp = (await findMppById(db.sql, jkt.id))!;
		const day = await listSlots(db.sql, mpp, jkt.services.a, today, now);
		expect(day.slots.filter((s) => s.state !== 'passed').every((s) => s.available === 0)).toBe(true);
		expect(
			await refusalOf(bookFor(db.sql, jkt.id, { serviceId: jkt.services.a, date: today, time: '11:00', now }))
		).toBe('slot_full');

		await cancelBooking(db.sql, booked[0].code, now);
		expect((await walkIn(jkt.services.a)).ticket.number).toBe('A007');
		expect(await refusalOf(walkIn(jkt.services.a))).toBe('quota_reached');
	});

	it('keeps the priority reserve for priority groups only', async () => {
		await setBookingRules(db.sql, jkt.services.b, { dailyQuota: 4, priorityReserveShare: 50 });
		await walkIn(jkt.services.b);
		await walkIn(jkt.services.b);
		expect(await refusalOf(walkIn(jkt.services.b))).toBe('quota_reached');
		expect((await walkIn(jkt.services.b, 'lansia')).ticket.priorityGroup).toBe('lansia');
	});

	it('never oversells when walk-ins and bookings press at once', async () => {
		// one counter × 15 / 1 min = 15 places a window, 30 a day; 40 walk-ins and 40 bookings race for them
		await setBookingRules(db.sql, jkt.services.c, {
			dailyQuota: 30,
			bookingShare: 100,
			expectedServiceMinutes: 1
		});
		const times = ['09:00', '09:15', '09:30', '09:45'];
		const attempts = await Promise.allSettled([
			...Array.from({ length: 40 }, () => walkIn(jkt.services.c)),
			...Array.from({ length: 40 }, (_, i) =>
				bookFor(db.sql, jkt.id, { serviceId: jkt.services.c, date: today, time: times[i % 4], now })
			)
		]);
		const accepted = attempts.filter((a) => a.status === 'fulfilled').length;
		const refused = attempts
			.filter((a) => a.status === 'rejected')
			.map((a) => (a.reason as { code: string }).code);
		expect(accepted).toBe(30);
		expect(new Set(refused)).toEqual(new Set(['quota_reached', 'slot_full']));
		const [ledger] = await db.sql<{ lastSeq: number; booked: number }[]>`
			SELECT last_seq AS "lastSeq", booked FROM ticket_daily_counters WHERE service_id = ${jkt.services.c}`;
		const [rows] = await db.sql<{ tickets: number; bookings: number }[]>`
			SELECT (SELECT count(*)::int FROM tickets WHERE service_id = ${jkt.services.c}) AS tickets,
				(SELECT count(*)::int FROM bookings WHERE service_id = ${jkt.services.c}) AS bookings`;
		expect(rows.tickets + rows.bookings).toBe(30);
		expect(ledger).toEqual({ lastSeq: rows.tickets, booked: rows.bookings });
	});

	it('gives a window no more places than it has, whoever presses at once', async () => {
		const tomorrow = '2026-11-24';
		const attempts = await Promise.allSettled(
			Array.from({ length: 25 }, () =>
				bookFor(db.sql, jkt.id, { serviceId: jkt.services.a, date: tomorrow, time: '13:00', now })
			)
		);
		expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(6);
		const mpp = (await findMppById(db.sql, jkt.id))!;
		const slot = (await listSlots(db.sql, mpp, jkt.services.a, tomorrow, now)).slots.find(
			(s) => s.time === '13:00'
		);
		expect(slot).toMatchObject({ capacity: 6, available: 0, state: 'full' });
	});
});
