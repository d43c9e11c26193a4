// What the kiosk tiles say before a citizen touches them: the same issue rules as the queue engine,
// in the MPP's own zone, with the reason and its time or quota. Real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMppBySlug } from '../../src/lib/server/db/mpps';
import { kioskMenu } from '../../src/lib/server/kiosk/menu';
import { issueTicket } from '../../src/lib/server/queue';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	// Makassar (WITA): weekdays 08:00–16:00, closed at the weekend; KTP-el cut off 60 minutes early
	const day = [['08:00', '16:00']];
	const hours = { sun: [], mon: day, tue: day, wed: day, thu: day, fri: day, sat: [] };
	await db.sql`UPDATE mpps SET opening_hours = ${db.sql.json(hours)} WHERE id = ${world.mpps[1].id}`;
	await db.sql`UPDATE services SET cutoff_minutes = 60, daily_quota = 2 WHERE id = ${world.mpps[1].services.a}`;
});
afterAll(async () => {
	await db?.drop();
});

async function ktp(at: string) {
	const mpp = (await findMppBySlug(db.sql, world.mpps[1].slug))!;
	const tenants = await kioskMenu(db.sql, mpp, new Date(at));
	const service = tenants.flatMap((t) => t.services).find((s) => s.id === world.mpps[1].services.a)!;
	return { tenants, service };
}

describe('kiosk menu', () => {
	it('groups the services by agency with their waiting counts', async () => {
		const { tenants, service } = await ktp('2026-11-23T02:00:00Z'); // Monday 10:00 WITA
		expect(tenants.map((t) => [t.name, t.services.map((s) => s.name)])).toEqual([
			['Disdukcapil', ['KTP-el', 'Kartu Keluarga']],
			['Polri', ['SKCK']]
		]);
		expect(service).toMatchObject({ prefix: 'A', waiting: 0, unavailable: null });
	});

	it('says when numbers start before opening, in local time', async () => {
		// Monday 07:00 WITA: numbers from 07:30, half an hour before the doors open
		const { service, tenants } = await ktp('2026-11-22T23:00:00Z');
		expect(service.unavailable).toEqual({ code: 'not_open_yet', time: '07:30' });
		expect(tenants.every((t) => t.unavailable)).toBe(true);
	});

	it('says when the day’s numbers stopped at the cut-off, and that it is closed at the weekend', async () => {
		expect((await ktp('2026-11-23T07:10:00Z')).service.unavailable).toEqual({
			code: 'cutoff',
			time: '15:00'
		});
		expect((await ktp('2026-11-22T02:00:00Z')).service.unavailable).toEqual({ code: 'service_closed' });
	});

	it('says the quota is used up once the day’s last number is taken', async () => {
		const now = new Date('2026-11-23T02:00:00Z');
		const mpp = world.mpps[1];
		for (let i = 0; i < 2; i++) {
			expect((await ktp(now.toISOString())).service.unavailable).toBeNull();
			await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {}, now });
		}
		const { service, tenants } = await ktp(now.toISOString());
		expect(service).toMatchObject({ waiting: 2, unavailable: { code: 'quota_reached', quota: 2 } });
		// the agency still serves Kartu Keluarga
		expect(tenants.find((t) => t.name === 'Disdukcapil')?.unavailable).toBe(false);
		// the engine agrees
		await expect(
			issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {}, now })
		).rejects.toMatchObject({ status: 409, code: 'quota_reached' });
	});
});
