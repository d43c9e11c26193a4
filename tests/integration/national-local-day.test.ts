// National days are MPP-local days (DOMAIN §6): one instant is a different date in WIB, WITA and WIT,
// and each MPP's ticket counts on its own local date, for a closed national day and for "today".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { mppRanking } from '../../src/lib/server/national/ranking';
import { nationalStats } from '../../src/lib/server/national/stats';
import { issueTicket } from '../../src/lib/server/queue';
import { allDay, createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
const actor = {};

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const wit = await insertMpp(db.sql, {
		slug: 'jayapura-uji',
		name: 'MPP jayapura-uji',
		province: 'Papua',
		city: 'Jayapura',
		timezone: 'Asia/Jayapura',
		openingHours: allDay
	});
	const tenant = await insertTenant(db.sql, { mppId: wit.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const service = await insertService(db.sql, {
		mppId: wit.id,
		tenantId: tenant.id,
		code: 'KTP',
		prefix: 'A',
		name: 'KTP-el'
	});
	// 16:30 UTC on 15 Nov 2026: 23:30 on 15 Nov in Jakarta (WIB), 00:30 and 01:30 on 16 Nov in
	// Makassar (WITA) and Jayapura (WIT). One ticket in each MPP at that instant.
	const instant = new Date('2026-11-15T16:30:00Z');
	for (const [mppId, serviceId] of [
		[world.mpps[0].id, world.mpps[0].services.a],
		[world.mpps[1].id, world.mpps[1].services.a],
		[wit.id, service.id]
	]) {
		await issueTicket(db.sql, { mppId, serviceId, actor, now: instant });
	}
});

afterAll(async () => {
	await db?.drop();
});

const issuedBySlug = (rows: { slug: string; issued: number }[]) =>
	Object.fromEntries(rows.map((r) => [r.slug, r.issued]));

describe('a national day', () => {
	it('counts the WIB ticket on 15 Nov and the WITA and WIT tickets on 16 Nov', async () => {
		const later = new Date('2026-11-20T03:00:00Z');
		const byDay = await nationalStats(db.sql, {
			from: '2026-11-15',
			to: '2026-11-16',
			groupBy: 'day',
			now: later
		});
		expect(byDay.rows.map((r) => [r.date, r.issued])).toEqual([
			['2026-11-15', 1],
			['2026-11-16', 2]
		]);
		const fifteenth = await mppRanking(db.sql, { from: '2026-11-15', to: '2026-11-15', now: later });
		expect(issuedBySlug(fifteenth)).toEqual({ 'jakarta-uji': 1, 'makassar-uji': 0, 'jayapura-uji': 0 });
		const byZone = await nationalStats(db.sql, {
			from: '2026-11-16',
			to: '2026-11-16',
			groupBy: 'timezone',
			now: later
		});
		expect(byZone.rows.map((r) => [r.zone, r.issued])).toEqual([
			['WIB', 0],
			['WIT', 1],
			['WITA', 1]
		]);
	});

	it("reads 'today' as each MPP's own local date", async () => {
		// 16:45 UTC: still 15 Nov in Jakarta, already 16 Nov in Makassar and Jayapura
		const now = new Date('2026-11-15T16:45:00Z');
		const today = await mppRanking(db.sql, { today: true, now });
		expect(issuedBySlug(today)).toEqual({ 'jakarta-uji': 1, 'makassar-uji': 1, 'jayapura-uji': 1 });
		// an hour and a half later Jakarta's day has turned too, and its ticket belongs to yesterday
		const afterMidnight = await nationalStats(db.sql, {
			today: true,
			groupBy: 'timezone',
			now: new Date('2026-11-15T18:15:00Z')
		});
		expect(afterMidnight.rows.map((r) => [r.zone, r.issued])).toEqual([
			['WIB', 0],
			['WIT', 1],
			['WITA', 1]
		]);
	});
});
