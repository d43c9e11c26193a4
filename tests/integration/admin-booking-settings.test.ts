// The per-service booking settings (issue 12) are edited in /admin with the other service fields:
// validated with a message per field, saved, audited, and used by the slots citizens see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateMppOperations } from '../../src/lib/server/admin/mpps';
import { updateService } from '../../src/lib/server/admin/services';
import { FieldError } from '../../src/lib/server/admin/input';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { listSlots } from '../../src/lib/server/booking/slots';
import { bookFor, wib } from '../helpers/booking';
import { listServiceRows } from '../../src/lib/server/db/catalogue-edits';
import { findMppById } from '../../src/lib/server/db/mpps';
import { createWorld, mppAdminActor, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
});
afterAll(() => db.drop());

async function form(overrides: Record<string, unknown>) {
	const ktp = (await listServiceRows(db.sql, jkt.id)).find((s) => s.id === jkt.services.a)!;
	return {
		tenantId: ktp.tenantId,
		code: ktp.code,
		prefix: ktp.prefix,
		name: ktp.name,
		targetWaitMinutes: '30',
		dailyQuota: '',
		cutoffMinutes: '60',
		counterIds: ktp.counterIds,
		bookingShare: '50',
		bookingHorizonDays: '14',
		bookingReleaseHour: '7',
		priorityReserveShare: '0',
		...overrides
	};
}

describe('booking settings in /admin', () => {
	it('starts from the defaults: half of each window bookable, 14 days ahead, released from 07:00', async () => {
		const ktp = (await listServiceRows(db.sql, jkt.id)).find((s) => s.id === jkt.services.a)!;
		expect(ktp).toMatchObject({
			bookingShare: 50,
			bookingHorizonDays: 14,
			bookingReleaseHour: 7,
			priorityReserveShare: 0
		});
	});

	it('saves and audits new settings, which the slots then follow', async () => {
		const saved = await updateService(
			db.sql,
			mppAdminActor(jkt),
			jkt.id,
			jkt.services.a,
			await form({
				bookingShare: '0',
				bookingHorizonDays: '30',
				bookingReleaseHour: '6',
				priorityReserveShare: '10'
			})
		);
		expect(saved.value).toMatchObject({
			bookingShare: 0,
			bookingHorizonDays: 30,
			bookingReleaseHour: 6,
			priorityReserveShare: 10
		});
		const [audit] = await db.sql<{ changes: Record<string, unknown> }[]>`
			SELECT changes FROM config_audit WHERE entity_id = ${jkt.services.a} ORDER BY at DESC LIMIT 1`;
		expect(audit.changes).toMatchObject({ bookingShare: [50, 0], bookingHorizonDays: [14, 30] });
		// a share of 0 means no window can be booked
		const mpp = (await findMppById(db.sql, jkt.id))!;
		const day = await listSlots(db.sql, mpp, jkt.services.a, '2026-12-20', wib('2026-11-23', '08:00'));
		expect(day.slots.every((s) => s.capacity === 0 && s.state !== 'open')).toBe(true);
	});

	it('refuses values out of range, naming the field', async () => {
		const refused = await updateService(
			db.sql,
			mppAdminActor(jkt),
			jkt.id,
			jkt.services.a,
			await form({ bookingShare: '101', bookingReleaseHour: '24' })
		).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(FieldError);
		expect(Object.keys((refused as FieldError).fields).sort()).toEqual([
			'bookingReleaseHour',
			'bookingShare'
		]);
	});

	it('sets the MPP’s check-in window and booked-streak cap, which check-in then follows', async () => {
		const allDay = { open: 'on', from: '00:00', to: '24:00' };
		const operations = (more: Record<string, string>) =>
			updateMppOperations(db.sql, mppAdminActor(jkt), jkt.id, {
				openingHours: Object.fromEntries(
					['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, allDay])
				),
				callLimit: '3',
				priorityRatio: '2',
				runningText: '',
				...more
			});
		const saved = await operations({
			checkinBeforeMinutes: '60',
			checkinAfterMinutes: '5',
			bookingRatio: '1'
		});
		expect(saved.value).toMatchObject({ checkinBeforeMinutes: 60, checkinAfterMinutes: 5, bookingRatio: 1 });
		expect(await operations({ checkinAfterMinutes: '61' }).catch((e: unknown) => e)).toBeInstanceOf(
			FieldError
		);

		// service B: 1 counter × 15 / 10 min × 100 % = 1 place a window
		await db.sql`UPDATE services SET booking_share = 100 WHERE id = ${jkt.services.b}`;
		const day = '2026-11-23';
		const { booking } = await bookFor(db.sql, jkt.id, {
			serviceId: jkt.services.b,
			date: day,
			time: '10:00',
			now: wib(day, '07:00')
		});
		// 50 minutes early is inside a 60-minute window; 6 minutes late is past a 5-minute one
		const early = await checkIn(db.sql, { code: booking.code, actor: {}, now: wib(day, '09:10') });
		expect(early.late).toBe(false);
		const second = await bookFor(db.sql, jkt.id, {
			serviceId: jkt.services.b,
			date: day,
			time: '10:15',
			now: wib(day, '07:00')
		});
		const late = await checkIn(db.sql, { code: second.booking.code, actor: {}, now: wib(day, '10:21') });
		expect(late.late).toBe(true);
	});
});
