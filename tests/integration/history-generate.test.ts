// Generated history lands on the right MPP-local days, is numbered like real days, and is idempotent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTickets, historyTicketColumns } from '../../src/lib/server/db/history';
import { generateHistory } from '../../src/lib/server/history/generate';
import { uuidv7 } from '../../src/lib/server/ids';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});

afterAll(async () => {
	await db?.drop();
});

describe('generateHistory', () => {
	it('writes two weeks of served tickets on the MPP-local days they belong to', async () => {
		const mpp = world.mpps[1]; // Asia/Makassar (WITA)
		const result = await generateHistory(db.sql, {
			mppId: mpp.id,
			from: '2026-10-01',
			to: '2026-10-14',
			ticketsPerWeekday: 150
		});
		// 1–14 Oct 2026 has two Sundays, when DOMAIN's profile has no visitors
		expect(result.days).toBe(12);
		expect(result.tickets).toBeGreaterThan(12 * 60);
		const wrongDay = await db.sql`
			SELECT count(*)::int AS n FROM tickets
			WHERE mpp_id = ${mpp.id} AND (issued_at AT TIME ZONE 'Asia/Makassar')::date <> local_date`;
		expect(wrongDay[0].n).toBe(0);
		const statuses =
			await db.sql`SELECT DISTINCT status FROM tickets WHERE mpp_id = ${mpp.id} ORDER BY status`;
		expect(statuses.map((r) => r.status)).toEqual(['done', 'no_show']);
		const [order] = await db.sql`
			SELECT count(*) FILTER (WHERE first_called_at < issued_at OR finished_at < first_called_at)::int AS bad
			FROM tickets WHERE mpp_id = ${mpp.id}`;
		expect(order.bad).toBe(0);
	});

	it('numbers each service from 001 every day, like the kiosk would have', async () => {
		const rows = await db.sql`
			SELECT issued_service_id, local_date, min(seq)::int AS first, max(seq)::int AS last, count(*)::int AS n
			FROM tickets WHERE mpp_id = ${world.mpps[1].id} GROUP BY 1, 2`;
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.first).toBe(1);
			expect(r.last).toBe(r.n);
		}
	});

	it('a second run over the same days adds nothing', async () => {
		const before = await db.sql`SELECT count(*)::int AS n FROM tickets`;
		const again = await generateHistory(db.sql, {
			mppId: world.mpps[1].id,
			from: '2026-10-01',
			to: '2026-10-14'
		});
		expect(again.tickets).toBe(0);
		const after = await db.sql`SELECT count(*)::int AS n FROM tickets`;
		expect(after[0].n).toBe(before[0].n);
	});

	// The bulk path replaces per-row foreign key checks with one check of the whole batch; a batch that
	// points anywhere it should not must still be refused, and whole.
	it('refuses a whole generated batch when one ticket points at another MPP or a missing service', async () => {
		const [own, other] = world.mpps;
		const before = await countTickets(own.id);
		const good = ticketLine(own.id, own.services.a, own.counters.one, 1);
		await expect(
			copyTickets(db.sql, own.id, '2026-09-01', '2026-09-01', [
				good,
				ticketLine(own.id, own.services.a, other.counters.one, 2)
			])
		).rejects.toThrow(/service or counter not of the MPP/);
		await expect(
			copyTickets(db.sql, own.id, '2026-09-01', '2026-09-01', [
				good,
				ticketLine(own.id, uuidv7(), own.counters.one, 2)
			])
		).rejects.toThrow(/service or counter not of the MPP/);
		await expect(
			copyTickets(db.sql, own.id, '2026-09-01', '2026-09-01', [
				good,
				ticketLine(other.id, other.services.a, null, 2)
			])
		).rejects.toThrow(/belong to the MPP/);
		expect(await countTickets(own.id)).toBe(before);
		await copyTickets(db.sql, own.id, '2026-09-01', '2026-09-01', [good]);
		expect(await countTickets(own.id)).toBe(before + 1);
	});
});

async function countTickets(mppId: string): Promise<number> {
	const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM tickets WHERE mpp_id = ${mppId}`;
	return n;
}

/** One served ticket on 1 Sep 2026 in COPY text format, columns as historyTicketColumns. */
function ticketLine(mppId: string, serviceId: string, counterId: string | null, seq: number): string {
	const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 2, minute)).toISOString();
	const row: Record<(typeof historyTicketColumns)[number], string | number> = {
		id: uuidv7(),
		mpp_id: mppId,
		service_id: serviceId,
		issued_service_id: serviceId,
		local_date: '2026-09-01',
		seq,
		number: `A${String(seq).padStart(3, '0')}`,
		status: 'done',
		priority_group: '\\N',
		track_code: `uji${seq}${Math.random().toString(36).slice(2, 9)}`,
		issued_at: at(0),
		queued_at: at(0),
		first_called_at: at(5),
		called_at: at(5),
		call_count: 1,
		started_at: at(6),
		finished_at: at(10),
		counter_id: counterId ?? '\\N',
		source: 'kiosk'
	};
	return historyTicketColumns.map((c) => row[c]).join('\t') + '\n';
}
