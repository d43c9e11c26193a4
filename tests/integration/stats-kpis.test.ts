// KPIs on a small day with known times, played through the real queue engine: waits, percentiles
// (within their histogram bucket), service level, no-show share; the same numbers live (today) and
// from the rollups (after the day closed); local days and hours around midnight in WIB, WITA and WIT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf } from '../../src/lib/domain/histogram';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import {
	callNext,
	cancel,
	expireEndedDays,
	finish,
	issueTicket,
	noShow,
	recall,
	start
} from '../../src/lib/server/queue';
import { mppStats } from '../../src/lib/server/stats/query';
import { allDay, createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
const actor = {};
// Monday 2 Nov 2026, 08:00 WIB = 01:00 UTC
const day = '2026-11-02';
const at = (secondsAfterEight: number) => new Date(Date.UTC(2026, 10, 2, 1, 0, secondsAfterEight));

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const mpp = world.mpps[0]; // jakarta-uji; Loket 3 serves only SKCK (target wait 30 min)
	const ids: string[] = [];
	for (let i = 0; i < 5; i++) {
		const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor, now: at(i) });
		ids.push(issued.ticket.id);
	}
	const counterId = mpp.counters.three;
	// waits 60, 600, 1200 s, served 300, 600, 900 s
	const served = [
		[60, 300],
		[601, 600],
		[1202, 900]
	];
	for (const [call, service] of served) {
		const { ticket } = await callNext(db.sql, { counterId, actor, now: at(call) });
		await start(db.sql, { ticketId: ticket!.id, actor, now: at(call) });
		await finish(db.sql, { ticketId: ticket!.id, actor, now: at(call + service) });
	}
	// the fourth waits 2400 s (over target) and never comes: three calls, then no-show
	const { ticket: absent } = await callNext(db.sql, { counterId, actor, now: at(2403) });
	await recall(db.sql, { ticketId: absent!.id, actor, now: at(2463) });
	await recall(db.sql, { ticketId: absent!.id, actor, now: at(2523) });
	await noShow(db.sql, { ticketId: absent!.id, actor, now: at(2583) });
	// the fifth gives up before being called
	await cancel(db.sql, { ticketId: ids[4], actor, now: at(2600) });
});

afterAll(async () => {
	await db?.drop();
});

const sameBucket = (actual: number | null, exact: number) => expect(bucketOf(actual!)).toBe(bucketOf(exact));

describe('KPIs of a hand-computed day', () => {
	for (const when of ['live, on the day itself', 'from the rollups, a week later'] as const) {
		it(`are right ${when}`, async () => {
			const now = when.startsWith('live') ? at(3 * 3600) : new Date('2026-11-09T03:00:00Z');
			const mpp = world.mpps[0];
			const result = await mppStats(db.sql, mpp, { from: day, to: day, groupBy: 'service' }, now);
			expect(result.rows).toHaveLength(1);
			const row = result.rows[0];
			expect(row.serviceId).toBe(mpp.services.c);
			expect(row.serviceName).toBe('SKCK');
			expect(row.issued).toBe(5);
			expect(row.called).toBe(4);
			expect(row.served).toBe(3);
			expect(row.noShow).toEqual({ count: 1, pct: 0.25 });
			expect(row.wait.avg).toBe((60 + 600 + 1200 + 2400) / 4);
			sameBucket(row.wait.p50, 600);
			sameBucket(row.wait.p90, 2400);
			expect(row.service.avg).toBe(600);
			sameBucket(row.service.p50, 600);
			sameBucket(row.service.p90, 900);
			// 60, 600 and 1200 s are within SKCK's 30 minutes; 2400 s is not
			expect(row.serviceLevel).toBe(0.75);
			expect(row.ikm.respondents).toBe(0);
			expect(row.ikm.value).toBeNull();
			expect(result.total.issued).toBe(5);
		});
	}

	it('group by counter puts the cancelled ticket, which never reached a counter, in a row of its own', async () => {
		const mpp = world.mpps[0];
		const result = await mppStats(
			db.sql,
			mpp,
			{ from: day, to: day, groupBy: 'counter' },
			new Date('2026-11-09T03:00:00Z')
		);
		expect(result.rows.map((r) => [r.counterName, r.issued])).toEqual([
			['Loket 3', 4],
			[null, 1]
		]);
	});

	it('a ticket of a closed day that changes later is reflected after the catch-up', async () => {
		const mpp = world.mpps[0];
		const later = new Date('2026-11-09T03:00:00Z');
		const before = await mppStats(db.sql, mpp, { from: day, to: day, groupBy: 'day' }, later);
		expect(before.rows[0].issued).toBe(5);
		// a leftover ticket of that day, issued at 15:00 WIB, closed a day later: since issue 10 item 5
		// no engine call takes it into another day any more; the day-end sweep expires it instead
		const leftover = await issueTicket(db.sql, {
			mppId: mpp.id,
			serviceId: mpp.services.c,
			actor,
			now: at(7 * 3600)
		});
		const [expired] = await expireEndedDays(db.sql, new Date('2026-11-10T01:00:00Z'));
		expect(expired.change.type === 'ticket:expired' && expired.change.tickets.map((t) => t.id)).toEqual([
			leftover.ticket.id
		]);
		const after = await mppStats(
			db.sql,
			mpp,
			{ from: day, to: day, groupBy: 'day' },
			new Date('2026-11-10T02:00:00Z')
		);
		expect(after.rows[0].issued).toBe(6);
		// an expired ticket is issued only: it adds no call, wait or no-show
		expect(after.rows[0].called).toBe(before.rows[0].called);
		expect(after.rows[0].noShow.count).toBe(before.rows[0].noShow.count);
	});
});

describe('local days and hours around midnight', () => {
	it('put tickets on the MPP-local day and hour in WIB, WITA and WIT', async () => {
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
		const zones = [
			{ mpp: world.mpps[0], serviceId: world.mpps[0].services.a, offset: 7 },
			{ mpp: world.mpps[1], serviceId: world.mpps[1].services.a, offset: 8 },
			{ mpp: { id: wit.id, timezone: wit.timezone }, serviceId: service.id, offset: 9 }
		];
		for (const { mpp, serviceId, offset } of zones) {
			// 23:30 local on 15 Nov, then 00:15 and 00:45 local on 16 Nov
			const local = (d: number, h: number, m: number) => new Date(Date.UTC(2026, 10, d, h - offset, m));
			for (const now of [local(15, 23, 30), local(16, 0, 15), local(16, 0, 45)]) {
				await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor, now });
			}
			const later = new Date('2026-11-20T03:00:00Z');
			const range = { from: '2026-11-15', to: '2026-11-16' };
			const byDay = await mppStats(db.sql, mpp, { ...range, groupBy: 'day' }, later);
			expect(byDay.rows.map((r) => [r.date, r.issued])).toEqual([
				['2026-11-15', 1],
				['2026-11-16', 2]
			]);
			const byHour = await mppStats(db.sql, mpp, { ...range, groupBy: 'hour' }, later);
			expect(byHour.rows.map((r) => [r.hour, r.issued])).toEqual([
				[0, 2],
				[23, 1]
			]);
			// 15 Nov 2026 is a Sunday (0), 16 Nov a Monday (1)
			const byWeekday = await mppStats(db.sql, mpp, { ...range, groupBy: 'weekday' }, later);
			expect(byWeekday.rows.map((r) => [r.weekday, r.issued])).toEqual([
				[0, 1],
				[1, 2]
			]);
			// and the same answer live, while 16 Nov is "today"
			const live = await mppStats(db.sql, mpp, { ...range, groupBy: 'hour' }, local(16, 9, 0));
			expect(live.rows.map((r) => [r.hour, r.issued])).toEqual([
				[0, 2],
				[23, 1]
			]);
		}
	});
});
