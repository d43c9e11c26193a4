// A call finishes the counter's ticket in the same statement that picks the next one (db/queue-calls.ts).
// When the head the peek chose is being called at another counter right now (SKIP LOCKED passes it
// over), the counter falls back to the other class, or to nobody: the ticket at the counter must be
// finished exactly once either way, and nothing waiting may be lost or called twice.
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

async function issue(priorityGroup: PriorityGroup | null = null) {
	const { ticket } = await issueTicket(db.sql, {
		mppId: jkt.id,
		serviceId: jkt.services.c,
		priorityGroup,
		actor: {},
		now: tick()
	});
	return ticket;
}

const press = () => callNext(db.sql, { counterId: jkt.counters.three, actor: {}, now: tick() });

/** Runs `during` while another transaction holds the ticket's row, as a counter calling it would. */
async function whileCalledElsewhere<T>(ticketId: string, during: () => Promise<T>): Promise<T> {
	const other = await db.sql.reserve();
	try {
		await other`BEGIN`;
		await other`SELECT id FROM tickets WHERE id = ${ticketId} FOR UPDATE`;
		return await during();
	} finally {
		await other`ROLLBACK`;
		other.release();
	}
}

async function history(ticketId: string) {
	const rows = await db.sql<{ type: string }[]>`
		SELECT type FROM ticket_events WHERE ticket_id = ${ticketId} ORDER BY at, id`;
	return rows.map((row) => row.type);
}

async function statusOf(ticketId: string) {
	const [row] = await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${ticketId}`;
	return row.status;
}

describe('a call whose chosen head is taken elsewhere', () => {
	it('falls back to the other class and finishes the ticket at the counter once', async () => {
		const first = await issue();
		expect((await press()).ticket?.id).toBe(first.id);
		const elder = await issue('lansia');
		const regular = await issue();

		// the peek sees the priority head first, but it is locked: the regular ticket is called instead
		const result = await whileCalledElsewhere(elder.id, press);
		expect(result.ticket?.id).toBe(regular.id);
		expect(result.finished?.id).toBe(first.id);
		expect(await statusOf(first.id)).toBe('done');
		expect(await history(first.id)).toEqual(['issued', 'called', 'finished']);
		expect(await statusOf(elder.id)).toBe('waiting');

		// once free, the priority ticket is called next, and the regular one finished
		const next = await press();
		expect(next.ticket?.id).toBe(elder.id);
		expect(next.finished?.id).toBe(regular.id);
		expect(await history(regular.id)).toEqual(['issued', 'called', 'finished']);
	});

	it('finishes the ticket at the counter once when the only waiting ticket is taken elsewhere', async () => {
		const current = (await press()).finished;
		expect(current).toBeTruthy(); // the priority ticket of the test before, now done
		const serving = await issue();
		expect((await press()).ticket?.id).toBe(serving.id);
		const only = await issue();

		const result = await whileCalledElsewhere(only.id, press);
		expect(result.ticket).toBeNull();
		expect(result.finished?.id).toBe(serving.id);
		expect(await history(serving.id)).toEqual(['issued', 'called', 'finished']);
		const [counter] = await db.sql<{ current: string | null }[]>`
			SELECT current_ticket_id AS current FROM counters WHERE id = ${jkt.counters.three}`;
		expect(counter.current).toBeNull();
		expect(await statusOf(only.id)).toBe('waiting');

		expect((await press()).ticket?.id).toBe(only.id);
	});
});
