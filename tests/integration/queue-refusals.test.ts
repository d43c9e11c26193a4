// What the engine refuses, with which status and code: quota, cut-off, closed day, counters that are
// not open, unknown ids and operations on tickets in the wrong state. A refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../src/lib/domain/types';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import {
	callNext,
	cancel,
	finish,
	issueTicket,
	noShow,
	recall,
	setCounterStatus,
	start,
	transfer
} from '../../src/lib/server/queue';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// A typical MPP in Makassar (WITA): weekdays 07:30–16:00, Saturday 08:00–12:00, Sunday closed.
const hours: OpeningHours = {
	sun: [],
	mon: [['07:30', '16:00']],
	tue: [['07:30', '16:00']],
	wed: [['07:30', '16:00']],
	thu: [['07:30', '16:00']],
	fri: [
		['07:30', '11:30'],
		['13:00', '16:00']
	],
	sat: [['08:00', '12:00']]
};
/** Wall-clock time in Makassar (UTC+8) */
const wita = (date: string, clock: string) => new Date(`${date}T${clock}:00+08:00`);
const monday = '2026-11-23';

let db: TestDatabase;
let jkt: MppFixture;
let mpp: { id: string; serviceId: string; quotaServiceId: string; counterId: string };

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
	const row = await insertMpp(db.sql, {
		slug: 'makassar-kota',
		name: 'MPP Kota Makassar',
		province: 'Sulawesi Selatan',
		city: 'Makassar',
		timezone: 'Asia/Makassar',
		openingHours: hours
	});
	const tenant = await insertTenant(db.sql, { mppId: row.id, code: 'POLRI', name: 'Polri' });
	const sim = await insertService(db.sql, {
		mppId: row.id,
		tenantId: tenant.id,
		code: 'SIM',
		prefix: 'S',
		name: 'SIM'
	});
	const skck = await insertService(db.sql, {
		mppId: row.id,
		tenantId: tenant.id,
		code: 'SKCK',
		prefix: 'K',
		name: 'SKCK',
		dailyQuota: 2
	});
	const counter = await insertCounter(db.sql, {
		mppId: row.id,
		name: 'Loket SIM',
		serviceIds: [sim.id, skck.id],
		status: 'closed'
	});
	mpp = { id: row.id, serviceId: sim.id, quotaServiceId: skck.id, counterId: counter.id };
});
afterAll(async () => {
	await db?.drop();
});

const issueAt = (at: Date, serviceId = mpp.serviceId) =>
	issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: {}, now: at });

async function ticketCount(serviceId: string) {
	const [row] = await db.sql<
		{ n: number }[]
	>`SELECT count(*)::int AS n FROM tickets WHERE issued_service_id = ${serviceId}`;
	return row.n;
}

describe('issuing refusals', () => {
	it('refuses on a closed day', async () => {
		await expect(issueAt(wita('2026-11-29', '10:00'))).rejects.toMatchObject({
			status: 409,
			code: 'service_closed',
			message: 'Layanan tutup hari ini.'
		});
	});

	it('opens 30 minutes before the doors and refuses earlier', async () => {
		await expect(issueAt(wita(monday, '06:59'))).rejects.toMatchObject({
			status: 409,
			code: 'not_open_yet',
			message: expect.stringContaining('07:00 WITA')
		});
		const early = await issueAt(wita(monday, '07:00'));
		expect(early.ticket.number).toBe('S001');
	});

	it('stops issuing at the cut-off before closing', async () => {
		expect((await issueAt(wita(monday, '14:59'))).ticket.number).toBe('S002');
		await expect(issueAt(wita(monday, '15:00'))).rejects.toMatchObject({
			status: 409,
			code: 'cutoff',
			message: expect.stringContaining('15:00 WITA')
		});
		await expect(issueAt(wita(monday, '17:30'))).rejects.toMatchObject({ code: 'cutoff' });
		// the refused attempts took no numbers
		expect((await issueAt(wita('2026-11-24', '08:00'))).ticket.number).toBe('S001');
		expect(await ticketCount(mpp.serviceId)).toBe(3);
	});

	it('refuses beyond the daily quota, and the quota is per local day', async () => {
		await issueAt(wita(monday, '08:00'), mpp.quotaServiceId);
		await issueAt(wita(monday, '08:01'), mpp.quotaServiceId);
		await expect(issueAt(wita(monday, '08:02'), mpp.quotaServiceId)).rejects.toMatchObject({
			status: 409,
			code: 'quota_reached',
			message: expect.stringContaining('(2 nomor)')
		});
		expect(await ticketCount(mpp.quotaServiceId)).toBe(2);
		expect((await issueAt(wita('2026-11-24', '08:00'), mpp.quotaServiceId)).ticket.number).toBe('K001');
	});

	it('refuses a 1000th number of the day: three digits cannot hold it', async () => {
		await db.sql`
			INSERT INTO ticket_daily_counters (service_id, local_date, last_seq) VALUES (${mpp.serviceId}, '2026-11-25', 999)`;
		await expect(issueAt(wita('2026-11-25', '09:00'))).rejects.toMatchObject({
			status: 409,
			code: 'numbers_exhausted'
		});
	});

	it('refuses unknown services, services of another MPP and inactive services', async () => {
		const at = wita(monday, '09:00');
		await expect(
			issueTicket(db.sql, { mppId: mpp.id, serviceId: jkt.services.a, actor: {}, now: at })
		).rejects.toMatchObject({ status: 404, code: 'service_not_found' });
		await expect(
			issueTicket(db.sql, {
				mppId: mpp.id,
				serviceId: '00000000-0000-4000-8000-000000000000',
				actor: {},
				now: at
			})
		).rejects.toMatchObject({ status: 404, code: 'service_not_found' });
		await db.sql`UPDATE services SET active = false WHERE id = ${mpp.quotaServiceId}`;
		await expect(issueAt(at, mpp.quotaServiceId)).rejects.toMatchObject({
			status: 422,
			code: 'service_inactive'
		});
		await db.sql`UPDATE services SET active = true WHERE id = ${mpp.quotaServiceId}`;
	});
});

describe('counter refusals', () => {
	it('refuses to call at a closed or paused counter, and at an unknown one', async () => {
		const at = wita(monday, '09:00');
		await expect(callNext(db.sql, { counterId: mpp.counterId, actor: {}, now: at })).rejects.toMatchObject({
			status: 409,
			code: 'counter_not_open',
			message: expect.stringContaining('tutup')
		});
		await setCounterStatus(db.sql, { counterId: mpp.counterId, status: 'paused', actor: {}, now: at });
		await expect(callNext(db.sql, { counterId: mpp.counterId, actor: {}, now: at })).rejects.toMatchObject({
			code: 'counter_not_open',
			message: expect.stringContaining('istirahat')
		});
		await expect(
			callNext(db.sql, { counterId: '00000000-0000-4000-8000-000000000000', actor: {}, now: at })
		).rejects.toMatchObject({ status: 404, code: 'counter_not_found' });
		await expect(
			setCounterStatus(db.sql, {
				counterId: '00000000-0000-4000-8000-000000000000',
				status: 'open',
				actor: {}
			})
		).rejects.toMatchObject({ status: 404, code: 'counter_not_found' });
	});
});

describe('wrong states', () => {
	it('refuses each operation on a ticket in a state it does not apply to', async () => {
		const at = wita('2026-11-26', '09:00');
		const { ticket } = await issueAt(at);
		const id = ticket.id;
		const actor = {};
		const invalid = { status: 409, code: 'invalid_state' };
		// waiting
		await expect(start(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(finish(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(recall(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(noShow(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		// serving
		await setCounterStatus(db.sql, { counterId: mpp.counterId, status: 'open', actor, now: at });
		// earlier tests left older tickets waiting; they come first
		for (let calls = 0; calls < 10; calls++) {
			const called = await callNext(db.sql, { counterId: mpp.counterId, actor, now: at });
			if (called.ticket?.id === id) break;
		}
		await start(db.sql, { ticketId: id, actor, now: at });
		await expect(start(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(recall(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(noShow(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(cancel(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		// done
		await finish(db.sql, { ticketId: id, actor, now: at });
		await expect(finish(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject(invalid);
		await expect(
			transfer(db.sql, { ticketId: id, toServiceId: mpp.quotaServiceId, actor, now: at })
		).rejects.toMatchObject(invalid);
		await expect(cancel(db.sql, { ticketId: id, actor, now: at })).rejects.toMatchObject({
			message: expect.stringContaining('berstatus selesai')
		});
		// the refusals left no history
		const [events] = await db.sql<
			{ n: number }[]
		>`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = ${id}`;
		expect(events.n).toBe(4); // issued, called, started, finished
	});

	it('answers 404 for unknown tickets', async () => {
		const unknown = { ticketId: '00000000-0000-4000-8000-000000000000', actor: {} };
		for (const operation of [recall, start, finish, noShow, cancel]) {
			await expect(operation(db.sql, unknown)).rejects.toMatchObject({
				status: 404,
				code: 'ticket_not_found'
			});
		}
		await expect(transfer(db.sql, { ...unknown, toServiceId: mpp.serviceId })).rejects.toMatchObject({
			status: 404,
			code: 'ticket_not_found'
		});
	});
});
