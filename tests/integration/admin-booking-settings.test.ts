// The per-service booking settings (issue 12) are edited in /admin with the other service fields:
// validated with a message per field, saved, audited, and used by the slots citizens see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateService } from '../../src/lib/server/admin/services';
import { FieldError } from '../../src/lib/server/admin/input';
import { listSlots } from '../../src/lib/server/booking/slots';
import { listServiceRows } from '../../src/lib/server/db/catalogue-edits';
import { findMppById } from '../../src/lib/server/db/mpps';
import { wib } from '../helpers/booking';
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
});
