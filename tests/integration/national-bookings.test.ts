// Booking use and booking no-show rate per MPP on the national view (issue 12): exact counts from the
// bookings of each MPP's own local dates, "none" where an MPP had no bookings, and the CSV carries them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/domain/booking-slots';
import { localDate } from '../../src/lib/domain/local-day';
import { book } from '../../src/lib/server/booking/book';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { cancelBooking } from '../../src/lib/server/booking/manage';
import { sweepNoShows } from '../../src/lib/server/booking/no-show';
import { findMppById } from '../../src/lib/server/db/mpps';
import { rankingCsv } from '../../src/lib/server/national/csv';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { issueTicket } from '../../src/lib/server/queue';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	await db.sql`UPDATE services SET booking_share = 100, expected_service_minutes = 1`;
});

afterAll(async () => {
	await db?.drop();
});

describe('national booking figures', () => {
	it('gives each MPP its share of booked tickets and of bookings nobody came for', async () => {
		const jakarta = (await findMppById(db.sql, world.mpps[0].id))!;
		const tomorrow = addDays(localDate(new Date(), jakarta.timezone), 1);
		const codes: string[] = [];
		for (let i = 0; i < 5; i++) {
			const { booking } = await book(db.sql, {
				mpp: jakarta,
				serviceId: world.mpps[0].services.a,
				date: tomorrow,
				time: '09:00',
				name: `Warga ${i}`,
				phone: null,
				clientKey: `n-${i}`,
				byStaff: true
			});
			codes.push(booking.code);
		}
		const nine = new Date(`${tomorrow}T02:00:00Z`); // 09:00 WIB
		// two come on time, one is cancelled, two never come
		await checkIn(db.sql, { code: codes[0], actor: {}, now: nine });
		await checkIn(db.sql, { code: codes[1], actor: {}, now: nine });
		await cancelBooking(db.sql, codes[2]);
		await sweepNoShows(db.sql, new Date(nine.getTime() + 45 * 60_000));
		// and six walk-ins the same day: 8 tickets, 2 of them booked
		await db.sql`UPDATE mpps SET tickets_any_hour = true WHERE id = ${jakarta.id}`;
		for (let i = 0; i < 6; i++) {
			await issueTicket(db.sql, {
				mppId: jakarta.id,
				serviceId: world.mpps[0].services.b,
				actor: {},
				now: new Date(nine.getTime() + i * 60_000)
			});
		}

		const rows = await mppRanking(db.sql, {
			from: tomorrow,
			to: tomorrow,
			now: new Date(nine.getTime() + 3600_000)
		});
		const row = rows.find((r) => r.slug === world.mpps[0].slug)!;
		expect(row.issued).toBe(8);
		expect(row.booking).toEqual({ use: 0.25, noShowRate: 0.5, checkedIn: 2, noShow: 2 });
		// the other MPP had no bookings: nothing to judge by
		const other = rows.find((r) => r.slug === world.mpps[1].slug)!;
		expect(other.booking).toMatchObject({ use: null, noShowRate: null });

		const csv = rankingCsv(rows).trim().split('\r\n');
		expect(csv[0].endsWith(',booking_use,booking_no_show_rate')).toBe(true);
		const line = csv.find((l) => l.includes(`,${world.mpps[0].slug},`))!;
		expect(line.endsWith(',0.25,0.5')).toBe(true);
		expect(csv.find((l) => l.includes(`,${world.mpps[1].slug},`))!.endsWith(',,')).toBe(true);
	});
});
