// The waiting counts kept by trigger (migration 0031, issue 15) against a plain count of the tickets:
// after every kind of change a ticket goes through, after a rolled-back change, and under counters
// calling while the kiosk issues. TVs, kiosks and dashboards show these counts; callNext reads them
// instead of counting on every call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	callNext,
	cancel,
	expireEndedDays,
	issueTicket,
	queueWaitingCounts,
	setCounterStatus,
	transfer
} from '../../src/lib/server/queue';
import { listServicesWithWaiting } from '../../src/lib/server/db/services';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
// Monday 23 Nov 2026, 09:00 WIB; the clock only moves forward
let clock = Date.parse('2026-11-23T02:00:00Z');
const tick = (minutes = 1) => new Date((clock += minutes * 60_000));

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
});
afterAll(async () => {
	await db?.drop();
});

/** Kept and counted, per service and day, leaving out zeros; they must be equal. */
async function keptAndCounted() {
	const kept = await db.sql<{ key: string; n: number }[]>`
		SELECT service_id || ' ' || local_date AS key, waiting AS n FROM queue_waiting
		WHERE waiting <> 0 ORDER BY 1`;
	const counted = await db.sql<{ key: string; n: number }[]>`
		SELECT service_id || ' ' || local_date AS key, count(*)::int AS n FROM tickets
		WHERE status = 'waiting' GROUP BY service_id, local_date ORDER BY 1`;
	return { kept: kept.map((r) => `${r.key}: ${r.n}`), counted: counted.map((r) => `${r.key}: ${r.n}`) };
}

async function expectKeptEqualsCounted() {
	const { kept, counted } = await keptAndCounted();
	expect(kept).toEqual(counted);
}

const issue = (serviceId: string, priority = false) =>
	issueTicket(db.sql, {
		mppId: jkt.id,
		serviceId,
		priorityGroup: priority ? 'lansia' : undefined,
		actor: {},
		now: tick()
	});

describe('waiting counts kept by trigger', () => {
	it('equal a count of the tickets after every kind of change, and callNext reports them', async () => {
		const a1 = await issue(jkt.services.a);
		await issue(jkt.services.a, true);
		const a3 = await issue(jkt.services.a);
		const b1 = await issue(jkt.services.b);
		await expectKeptEqualsCounted();
		expect(await queueWaitingCounts(db.sql, jkt.id, new Date(clock))).toMatchObject({
			[jkt.services.a]: 3,
			[jkt.services.b]: 1
		});
		// the kiosk's and display's service menu reads the same counts
		const menu = await listServicesWithWaiting(db.sql, jkt.id, new Date(clock));
		expect(Object.fromEntries(menu.map((s) => [s.id, s.waiting]))).toMatchObject({
			[jkt.services.a]: 3,
			[jkt.services.b]: 1,
			[jkt.services.c]: 0
		});

		// a call: the priority ticket goes first; the event says two of A still wait
		const called = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(called.outcome?.waiting[called.ticket!.serviceId]).toBe(
			called.ticket!.serviceId === jkt.services.a ? 2 : 0
		);
		await expectKeptEqualsCounted();

		// cancelling a waiting ticket, and transferring a called one to another service
		await cancel(db.sql, { ticketId: b1.ticket.id, actor: {}, now: tick() });
		await expectKeptEqualsCounted();
		const next = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(next.ticket?.id).toBe(a1.ticket.id);
		await transfer(db.sql, {
			ticketId: a1.ticket.id,
			toServiceId: jkt.services.c,
			actor: { userId: jkt.users.operator.id },
			now: tick()
		});
		await expectKeptEqualsCounted();

		// a counter paused while it calls: its ticket goes back to waiting
		const again = await callNext(db.sql, { counterId: jkt.counters.one, actor: {}, now: tick() });
		expect(again.ticket?.id).toBe(a3.ticket.id);
		await setCounterStatus(db.sql, { counterId: jkt.counters.one, status: 'paused', actor: {}, now: tick() });
		await expectKeptEqualsCounted();
		await setCounterStatus(db.sql, { counterId: jkt.counters.one, status: 'open', actor: {}, now: tick() });

		// a change that rolls back leaves the count alone
		await db.sql
			.begin(async (tx) => {
				await tx`UPDATE tickets SET status = 'cancelled' WHERE id = ${a3.ticket.id}`;
				throw new Error('rolled back on purpose');
			})
			.catch(() => {});
		await expectKeptEqualsCounted();

		// a ticket deleted outright (an MPP's data removed) no longer counts
		const gone = await issue(jkt.services.b);
		await db.sql`DELETE FROM tickets WHERE id = ${gone.ticket.id}`;
		await expectKeptEqualsCounted();

		// the day-end sweep: nothing waits into the next day
		const nextMorning = new Date(Date.parse('2026-11-24T00:30:00Z'));
		await expireEndedDays(db.sql, nextMorning);
		await expectKeptEqualsCounted();
		const { kept } = await keptAndCounted();
		expect(kept.filter((k) => k.includes('2026-11-23'))).toEqual([]);
		clock = nextMorning.getTime();
	});

	it('stay exact while four counters call and the kiosk issues at once', async () => {
		const services = [jkt.services.a, jkt.services.b, jkt.services.c];
		for (let i = 0; i < 30; i++) await issue(services[i % 3], i % 7 === 0);
		const counters = [jkt.counters.one, jkt.counters.two, jkt.counters.three];
		await Promise.all(
			counters.map((counterId) => setCounterStatus(db.sql, { counterId, status: 'open', actor: {} }))
		);
		const now = () => new Date(clock + 60_000);
		const reported: number[] = [];
		await Promise.all([
			...counters.map(async (counterId) => {
				for (let i = 0; i < 8; i++) {
					const { ticket, outcome } = await callNext(db.sql, { counterId, actor: {}, now: now() });
					if (ticket) reported.push(outcome!.waiting[ticket.serviceId]);
				}
			}),
			(async () => {
				for (let i = 0; i < 15; i++)
					await issueTicket(db.sql, { mppId: jkt.id, serviceId: services[i % 3], actor: {}, now: now() });
			})()
		]);
		await expectKeptEqualsCounted();
		expect(reported.length).toBeGreaterThan(0);
		expect(reported.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
	});

	it('of days ended everywhere are dropped by the sweep once nobody waits; recent days stay', async () => {
		const rows = async () =>
			(
				await db.sql<{ day: string; waiting: number }[]>`
				SELECT local_date::text AS day, waiting FROM queue_waiting ORDER BY 1`
			).map((r) => r.day);
		const before = await rows();
		expect(before).toContain('2026-11-23');
		// 25 Nov, 23:30 UTC (26 Nov in WIB, WITA and WIT): the 23rd ended more than a day ago everywhere
		await expireEndedDays(db.sql, new Date('2026-11-25T23:30:00Z'));
		const after = await rows();
		expect(after).not.toContain('2026-11-23');
		expect(after.filter((day) => day >= '2026-11-24')).toEqual(before.filter((day) => day >= '2026-11-24'));
		await expectKeptEqualsCounted();
	});
});
