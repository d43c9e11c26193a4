// What a booking is refused for, with which code (issue 12): the rolling release spread over the
// release hour and the limits per phone and per client (Sidoarjo's 07:01 rush and its touts), the
// horizon, closed days and hours; and the no-show sweep that gives unused places back (Bantul).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepNoShows } from '../../src/lib/server/booking/no-show';
import { forgetOldPhones } from '../../src/lib/server/booking/retention';
import { listSlots } from '../../src/lib/server/booking/slots';
import { upsertClosedDay } from '../../src/lib/server/db/closed-days';
import { findMppById } from '../../src/lib/server/db/mpps';
import { bookFor, wib } from '../helpers/booking';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
	// 2 counters × 15 / 1 min × 50 % = 15 places a window on service A
	await db.sql`UPDATE services SET expected_service_minutes = 1 WHERE id = ${jkt.services.a}`;
});
afterAll(() => db.drop());

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
	try {
		await p;
	} catch (error) {
		const { code, message, details } = error as { code: string; message: string; details?: unknown };
		return { code, message, details };
	}
	return { code: 'accepted', message: '' };
}

const at = (date: string, time: string, now: Date, more: { phone?: string; clientKey?: string } = {}) =>
	bookFor(db.sql, jkt.id, { serviceId: jkt.services.a, date, time, now, ...more });

describe('rolling release', () => {
	it('releases a day 14 days ahead across the release hour, one window after another', async () => {
		// the fixture MPP serves around the clock: 96 windows, released 07:00…07:59 WIB
		const before = wib('2026-11-09', '06:59');
		const early = await refusal(at('2026-11-23', '00:00', before));
		expect(early.code).toBe('not_open_yet');
		expect(early.message).toContain('07.00 WIB');
		expect(early.details).toEqual({ opensAt: '2026-11-09T00:00:00.000Z' });

		const halfway = wib('2026-11-09', '07:30');
		expect((await refusal(at('2026-11-23', '12:15', halfway))).code).toBe('accepted');
		expect((await refusal(at('2026-11-23', '12:30', halfway))).code).toBe('not_open_yet');
		const mpp = (await findMppById(db.sql, jkt.id))!;
		const day = await listSlots(db.sql, mpp, jkt.services.a, '2026-11-23', halfway);
		const opens = new Set(day.slots.map((s) => s.opensAt.slice(11, 16)));
		expect(opens.size).toBe(60); // one release minute after another, not one minute for all
		expect(day.slots.filter((s) => s.state === 'open')).toHaveLength(50);
	});

	it('refuses days beyond the horizon, passed days and windows, closed days and other times', async () => {
		const now = wib('2026-11-09', '08:00');
		expect((await refusal(at('2026-11-24', '09:00', now))).code).toBe('beyond_horizon');
		expect((await refusal(at('2026-11-08', '09:00', now))).code).toBe('date_passed');
		expect((await refusal(at('2026-11-09', '07:45', now))).code).toBe('slot_passed');
		expect((await refusal(at('2026-11-10', '09:05', now))).code).toBe('outside_hours');
		await upsertClosedDay(db.sql, jkt.id, { date: '2026-11-17', name: 'Libur uji' });
		expect((await refusal(at('2026-11-17', '09:00', now))).code).toBe('closed_day');
	});
});

describe('limits against touts', () => {
	it('allows two bookings per phone number and day, four per client and day', async () => {
		const now = wib('2026-11-09', '08:00');
		const phone = '+6281234567890';
		expect((await refusal(at('2026-11-12', '09:00', now, { phone }))).code).toBe('accepted');
		expect((await refusal(at('2026-11-12', '10:00', now, { phone }))).code).toBe('accepted');
		expect((await refusal(at('2026-11-12', '11:00', now, { phone }))).code).toBe('limit_reached');
		expect((await refusal(at('2026-11-13', '11:00', now, { phone }))).code).toBe('accepted');

		const clientKey = 'one-tout';
		for (const time of ['09:00', '09:15', '09:30', '09:45'])
			expect((await refusal(at('2026-11-14', time, now, { clientKey }))).code).toBe('accepted');
		expect((await refusal(at('2026-11-15', '10:00', now, { clientKey }))).code).toBe('limit_reached');
	});
});

describe('no-shows', () => {
	it('marks bookings never checked in by the window end + grace as no_show and frees their places', async () => {
		const made = wib('2026-11-10', '08:00');
		const { booking } = await at('2026-11-10', '08:15', made);
		const ledger = () =>
			db.sql<{ booked: number }[]>`
				SELECT booked FROM ticket_daily_counters WHERE service_id = ${jkt.services.a} AND local_date = '2026-11-10'`;
		expect((await ledger())[0].booked).toBe(1);
		// 08:15 window ends 08:30; the 15-minute check-in grace ends 08:45
		expect(await sweepNoShows(db.sql, wib('2026-11-10', '08:44'))).toBe(0);
		expect(await sweepNoShows(db.sql, wib('2026-11-10', '08:46'))).toBeGreaterThanOrEqual(1);
		const [row] = await db.sql<
			{ status: string }[]
		>`SELECT status FROM bookings WHERE code = ${booking.code}`;
		expect(row.status).toBe('no_show');
		expect((await ledger())[0].booked).toBe(0);
	});
});

describe('phone numbers (UU 27/2022)', () => {
	it('keeps a number only with its consent time, and deletes it 30 days after the visit', async () => {
		const made = wib('2026-11-09', '08:00');
		const { booking } = await at('2026-11-11', '09:00', made, { phone: '+6285700000001' });
		const phoneOf = async () =>
			(
				await db.sql<{ phone: string | null; consent: Date | null }[]>`
					SELECT phone, phone_consent_at AS consent FROM bookings WHERE code = ${booking.code}`
			)[0];
		expect(await phoneOf()).toEqual({ phone: '+6285700000001', consent: made });
		await forgetOldPhones(db.sql, new Date('2026-12-11T12:00:00Z'));
		expect((await phoneOf()).phone).toBe('+6285700000001');
		await forgetOldPhones(db.sql, new Date('2026-12-12T12:00:00Z'));
		expect(await phoneOf()).toEqual({ phone: null, consent: null });
	});
});
