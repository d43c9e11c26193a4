// Priority groups go first through callNext, within the MPP's fairness ratio (DOMAIN §3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriorityGroup } from '../../src/lib/domain/types';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { createWorld, type MppFixture } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let jkt: MppFixture;
let clock = Date.parse('2026-11-23T02:00:00Z');
const tick = () => new Date((clock += 60_000));

beforeAll(async () => {
	db = await createTestDatabase();
	jkt = (await createWorld(db.sql)).mpps[0];
});
afterAll(async () => {
	await db?.drop();
});

async function issue(serviceId: string, priorityGroup: PriorityGroup | null = null) {
	const { ticket } = await issueTicket(db.sql, {
		mppId: jkt.id,
		serviceId,
		priorityGroup,
		actor: {},
		now: tick()
	});
	return ticket.number;
}

/** Presses "next" at a counter until nobody waits; the numbers in call order. */
async function callAll(counterId: string): Promise<string[]> {
	const called: string[] = [];
	for (;;) {
		const { ticket } = await callNext(db.sql, { counterId, actor: {}, now: tick() });
		if (!ticket) return called;
		called.push(ticket.number);
	}
}

describe('priority order through callNext', () => {
	it('calls priority tickets first, at most two in a row while regular tickets wait', async () => {
		// SKCK (service c) at Loket 3: three regular citizens, then four from priority groups
		for (let i = 0; i < 3; i++) await issue(jkt.services.c);
		for (const group of ['lansia', 'disabilitas', 'ibu_hamil', 'anak'] as const)
			await issue(jkt.services.c, group);
		expect(await callAll(jkt.counters.three)).toEqual([
			'D004',
			'D005',
			'D001',
			'D006',
			'D007',
			'D002',
			'D003'
		]);
	});

	it('follows the MPP fairness ratio', async () => {
		await db.sql`UPDATE mpps SET priority_ratio = 1 WHERE id = ${jkt.id}`;
		await db.sql`UPDATE counters SET priority_streak = 0 WHERE id = ${jkt.counters.three}`;
		for (let i = 0; i < 3; i++) await issue(jkt.services.c);
		for (let i = 0; i < 3; i++) await issue(jkt.services.c, 'korban_bencana');
		expect(await callAll(jkt.counters.three)).toEqual(['D011', 'D008', 'D012', 'D009', 'D013', 'D010']);
		await db.sql`UPDATE mpps SET priority_ratio = 2 WHERE id = ${jkt.id}`;
	});

	it('applies across the services a counter serves, in arrival order within each class', async () => {
		// Loket 1 serves KTP (a) and KK (b)
		const a1 = await issue(jkt.services.a);
		const b1 = await issue(jkt.services.b);
		const bPriority = await issue(jkt.services.b, 'lansia');
		const a2 = await issue(jkt.services.a);
		const aPriority = await issue(jkt.services.a, 'disabilitas');
		expect(await callAll(jkt.counters.one)).toEqual([bPriority, aPriority, a1, b1, a2]);
	});

	it('keeps calling priority tickets when no regular ticket waits, without counting them against the ratio', async () => {
		const priority = [];
		for (let i = 0; i < 5; i++) priority.push(await issue(jkt.services.c, 'lansia'));
		const first = [];
		for (let i = 0; i < 3; i++) {
			first.push(
				(await callNext(db.sql, { counterId: jkt.counters.three, actor: {}, now: tick() })).ticket?.number
			);
		}
		expect(first).toEqual(priority.slice(0, 3));
		// nobody regular was passed over, so two priority calls may still go before the regular arrival
		const regular = await issue(jkt.services.c);
		expect(await callAll(jkt.counters.three)).toEqual([priority[3], priority[4], regular]);
	});
});
