// The production server closes ended days when it starts (issue 10 item 5): a ticket left open
// yesterday (MPP-local) is expired by the startup sweep, with its event, without anyone pressing a
// button; today's ticket keeps waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer | undefined;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const statuses = async (ids: string[]) =>
	Object.fromEntries(
		(
			await db.sql<
				{ id: string; status: string }[]
			>`SELECT id, status FROM tickets WHERE id = ANY(${ids}::uuid[])`
		).map((r) => [r.id, r.status])
	);

describe('the day-end sweep at server startup', () => {
	it("expires yesterday's open tickets of every zone and leaves today's waiting", async () => {
		const dayAgo = new Date(Date.now() - 86_400_000);
		const ids: string[] = [];
		for (const mpp of world.mpps) {
			const waiting = await issueTicket(db.sql, {
				mppId: mpp.id,
				serviceId: mpp.services.a,
				actor: {},
				now: dayAgo
			});
			const called = await issueTicket(db.sql, {
				mppId: mpp.id,
				serviceId: mpp.services.c,
				actor: {},
				now: dayAgo
			});
			await callNext(db.sql, { counterId: mpp.counters.three, actor: {}, now: dayAgo });
			ids.push(waiting.ticket.id, called.ticket.id);
		}
		const today = await issueTicket(db.sql, {
			mppId: world.mpps[0].id,
			serviceId: world.mpps[0].services.a,
			actor: {}
		});
		expect(Object.values(await statuses(ids))).not.toContain('expired');

		app = await startAppServer(db.url);
		// the sweep runs as the server starts; wait for its commit (the server's own work, not a timer)
		for (let tries = 0; tries < 200; tries++) {
			if (Object.values(await statuses(ids)).every((s) => s === 'expired')) break;
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(Object.values(await statuses(ids))).toEqual(ids.map(() => 'expired'));
		expect((await statuses([today.ticket.id]))[today.ticket.id]).toBe('waiting');
		const [{ n }] = await db.sql<{ n: number }[]>`
			SELECT count(*)::int AS n FROM ticket_events WHERE type = 'expired' AND ticket_id = ANY(${ids}::uuid[])`;
		expect(n).toBe(ids.length);
		const counters = await db.sql`
			SELECT id FROM counters WHERE current_ticket_id = ANY(${ids}::uuid[])`;
		expect(counters).toHaveLength(0);
	});
});
