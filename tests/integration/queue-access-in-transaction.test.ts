// Issue 10 item 8: who may act on a ticket or at a counter is decided inside the action's transaction,
// on what it has locked. The test holds an uncommitted removal of the operator's assignment open while
// the operator presses: a check read before the transaction sees the assignment (the removal is not
// committed yet) and lets the action through; the check inside it must wait for the removal and then
// refuse, leaving the queue as it was. No timing: we wait for PostgreSQL to report the request's
// backend as waiting on a lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let operator: string;
let superadmin: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
	superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const a = () => world.mpps[0];

async function post(token: string, path: string, body?: unknown) {
	const response = await fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json' })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function issue(): Promise<string> {
	const answer = await post(superadmin, `/api/v1/mpps/${a().slug}/tickets`, { serviceId: a().services.a });
	expect(answer.status).toBe(201);
	return answer.body.id;
}

async function statusOf(id: string): Promise<string> {
	const [row] = await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${id}`;
	return row.status;
}

/** Resolves once some backend of the app waits on a row lock of counter_operators. */
async function someoneWaitsOnTheAssignment(stop: { done: boolean }): Promise<void> {
	while (!stop.done) {
		const rows = await db.sql`
			SELECT 1 FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%counter_operators%'`;
		if (rows.length) return;
		await new Promise((r) => setTimeout(r, 10));
	}
}

/**
 * Removes the operator's assignment to counter one in a transaction held open while `act` runs, and
 * commits only once the action waits on it. Returns the action's answer, or 'answered before the
 * removal committed' when it did not wait (the check was made outside the action's transaction).
 */
async function actWhileAssignmentIsRemoved(
	act: () => Promise<{ status: number; body: unknown }>,
	counterId = a().counters.one
) {
	let answer!: Promise<{ status: number; body: unknown }>;
	const stop = { done: false };
	const race = await db.sql.begin(async (tx) => {
		await tx`DELETE FROM counter_operators WHERE user_id = ${a().users.operator.id} AND counter_id = ${counterId}`;
		answer = act();
		return Promise.race([
			answer.then(() => 'answered before the removal committed' as const),
			someoneWaitsOnTheAssignment(stop).then(() => 'waited for the removal' as const)
		]);
	});
	stop.done = true;
	expect(race).toBe('waited for the removal');
	return answer;
}

async function reassign() {
	for (const counterId of [a().counters.one, a().counters.three]) {
		await db.sql`
			INSERT INTO counter_operators (counter_id, user_id) VALUES (${counterId}, ${a().users.operator.id})
			ON CONFLICT DO NOTHING`;
	}
}

describe('an operator whose assignment is removed while they press', () => {
	it('cannot call the next ticket', async () => {
		await reassign();
		const ticket = await issue();
		const answer = await actWhileAssignmentIsRemoved(() =>
			post(operator, `/api/v1/counters/${a().counters.one}/call-next`)
		);
		expect(answer.status).toBe(403);
		expect(await statusOf(ticket)).toBe('waiting');
	});

	it('cannot finish the ticket at that counter', async () => {
		await reassign();
		await db.sql`UPDATE tickets SET status = 'cancelled' WHERE status = 'waiting'`;
		const ticket = await issue();
		const called = await post(operator, `/api/v1/counters/${a().counters.one}/call-next`);
		expect(called.body).toMatchObject({ ticket: { id: ticket } });
		const answer = await actWhileAssignmentIsRemoved(() =>
			post(operator, `/api/v1/tickets/${ticket}/finish`)
		);
		expect(answer.status).toBe(403);
		expect(await statusOf(ticket)).toBe('called');
	});

	it('cannot pause the counter', async () => {
		await reassign();
		const answer = await actWhileAssignmentIsRemoved(() =>
			post(operator, `/api/v1/counters/${a().counters.one}/status`, { status: 'paused' })
		);
		expect(answer.status).toBe(403);
		const [counter] = await db.sql`SELECT status FROM counters WHERE id = ${a().counters.one}`;
		expect(counter.status).toBe('open');
	});

	it('cannot cancel a waiting ticket of the service only that counter serves for them', async () => {
		await reassign();
		// service c is served by counter three only, where the operator is assigned
		const issued = await post(superadmin, `/api/v1/mpps/${a().slug}/tickets`, { serviceId: a().services.c });
		const ticket = issued.body.id as string;
		const answer = await actWhileAssignmentIsRemoved(
			() => post(operator, `/api/v1/tickets/${ticket}/cancel`),
			a().counters.three
		);
		expect(answer.status).toBe(403);
		expect(await statusOf(ticket)).toBe('waiting');
	});

	it('still acts when the assignment stays (the check passes on the locked state)', async () => {
		await reassign();
		await db.sql`UPDATE tickets SET status = 'cancelled' WHERE status IN ('waiting', 'called')`;
		await db.sql`UPDATE counters SET current_ticket_id = NULL, status = 'open'`;
		const ticket = await issue();
		const answer = await post(operator, `/api/v1/counters/${a().counters.one}/call-next`);
		expect(answer.status).toBe(200);
		expect(await statusOf(ticket)).toBe('called');
	});
});

describe('a ticket of another counter', () => {
	it('is refused to an operator not assigned there, by the engine on the locked ticket', async () => {
		await reassign();
		await db.sql`UPDATE tickets SET status = 'cancelled' WHERE status IN ('waiting', 'called')`;
		await db.sql`UPDATE counters SET current_ticket_id = NULL, status = 'open'`;
		const ticket = await issue();
		// counter two serves the same service; the operator is not assigned to it
		const called = await post(superadmin, `/api/v1/counters/${a().counters.two}/call-next`);
		expect(called.body).toMatchObject({ ticket: { id: ticket } });
		const answer = await post(operator, `/api/v1/tickets/${ticket}/finish`);
		expect(answer.status).toBe(403);
		expect(await statusOf(ticket)).toBe('called');
	});
});
