// Ticket numbers count per service per MPP-local day and restart at local midnight in each zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { callNext, issueTicket, transfer } from '../../src/lib/server/queue';
import { allDay, createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jayapura: { id: string; serviceId: string };

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const mpp = await insertMpp(db.sql, {
		slug: 'jayapura-uji',
		name: 'MPP Jayapura Uji',
		province: 'Papua',
		city: 'Jayapura',
		timezone: 'Asia/Jayapura',
		openingHours: allDay
	});
	const tenant = await insertTenant(db.sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const service = await insertService(db.sql, {
		mppId: mpp.id,
		tenantId: tenant.id,
		code: 'KTP',
		prefix: 'A',
		name: 'KTP-el'
	});
	jayapura = { id: mpp.id, serviceId: service.id };
});
afterAll(async () => {
	await db?.drop();
});

const issue = (mppId: string, serviceId: string, at: string) =>
	issueTicket(db.sql, { mppId, serviceId, actor: {}, now: new Date(at) });

describe('numbering per MPP-local day', () => {
	it('restarts at local midnight in WIB, WITA and WIT, each at its own UTC hour', async () => {
		const [jakarta, makassar] = world.mpps;
		// local midnight of Tuesday 24 Nov 2026: 17:00 UTC (WIB), 16:00 UTC (WITA), 15:00 UTC (WIT)
		for (const [mppId, serviceId, midnight] of [
			[jakarta.id, jakarta.services.a, '2026-11-23T17:00:00Z'],
			[makassar.id, makassar.services.a, '2026-11-23T16:00:00Z'],
			[jayapura.id, jayapura.serviceId, '2026-11-23T15:00:00Z']
		] as const) {
			const midnightMs = Date.parse(midnight);
			const before1 = await issue(mppId, serviceId, new Date(midnightMs - 120_000).toISOString());
			const before2 = await issue(mppId, serviceId, new Date(midnightMs - 1_000).toISOString());
			const after1 = await issue(mppId, serviceId, midnight);
			const after2 = await issue(mppId, serviceId, new Date(midnightMs + 60_000).toISOString());
			expect([before1, before2].map((t) => [t.ticket.number, t.ticket.localDate])).toEqual([
				['A001', '2026-11-23'],
				['A002', '2026-11-23']
			]);
			expect([after1, after2].map((t) => [t.ticket.number, t.ticket.localDate])).toEqual([
				['A001', '2026-11-24'],
				['A002', '2026-11-24']
			]);
		}
	});

	it('puts 23:30 UTC on the next local day in WITA, and 16:30 UTC on different days in WIB and WITA', async () => {
		const [jakarta, makassar] = world.mpps;
		// 23:30 UTC on 24 Nov is 06:30 WIB, 07:30 WITA, 08:30 WIT on 25 Nov
		const wib = await issue(jakarta.id, jakarta.services.b, '2026-11-24T23:30:00Z');
		const wita = await issue(makassar.id, makassar.services.b, '2026-11-24T23:30:00Z');
		expect(wib.ticket).toMatchObject({ number: 'B001', localDate: '2026-11-25' });
		expect(wita.ticket).toMatchObject({ number: 'B001', localDate: '2026-11-25' });
		// 16:30 UTC is still 24 Nov in Jakarta (23:30 WIB) but already 25 Nov in Makassar (00:30 WITA)
		const lateWib = await issue(jakarta.id, jakarta.services.c, '2026-11-24T16:30:00Z');
		const earlyWita = await issue(makassar.id, makassar.services.c, '2026-11-24T16:30:00Z');
		expect(lateWib.ticket).toMatchObject({ number: 'D001', localDate: '2026-11-24' });
		expect(earlyWita.ticket).toMatchObject({ number: 'D001', localDate: '2026-11-25' });
		const nextWita = await issue(makassar.id, makassar.services.c, '2026-11-24T23:30:00Z');
		expect(nextWita.ticket).toMatchObject({ number: 'D002', localDate: '2026-11-25' });
	});

	it('counts each service separately, and a transfer keeps its number without taking one from the target', async () => {
		const [jakarta] = world.mpps;
		const day = '2026-11-26T02:00:00Z';
		const a1 = await issue(jakarta.id, jakarta.services.a, day);
		const b1 = await issue(jakarta.id, jakarta.services.b, day);
		const a2 = await issue(jakarta.id, jakarta.services.a, day);
		expect([a1, b1, a2].map((t) => t.ticket.number)).toEqual(['A001', 'B001', 'A002']);
		await transfer(db.sql, {
			ticketId: a1.ticket.id,
			toServiceId: jakarta.services.b,
			actor: {},
			now: new Date(day)
		});
		const b2 = await issue(jakarta.id, jakarta.services.b, day);
		expect(b2.ticket.number).toBe('B002');
		// clear the day so other tests see empty queues
		for (;;) {
			const { ticket } = await callNext(db.sql, {
				counterId: jakarta.counters.one,
				actor: {},
				now: new Date(day)
			});
			if (!ticket) break;
		}
	});
});
