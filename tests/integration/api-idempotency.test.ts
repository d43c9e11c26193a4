// Issue 10 item 6 over real HTTP against the production server: every POST that changes the queue
// takes an Idempotency-Key; a retry (sequential or racing) answers the first answer and changes
// nothing again, the same key with another request is 422, and a malformed key is 400.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let operator: string;
let superadmin: string;
let kiosk: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
	superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
	kiosk = world.mpps[0].devices.kiosk.token;
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

interface Answer {
	status: number;
	body: string;
	replayed: string | null;
}

async function post(token: string, path: string, body?: unknown, key?: string): Promise<Answer> {
	const headers: Record<string, string> = { authorization: `Bearer ${token}` };
	if (body !== undefined) headers['content-type'] = 'application/json';
	if (key !== undefined) headers['idempotency-key'] = key;
	const response = await fetch(`${app.url}${path}`, {
		method: 'POST',
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return {
		status: response.status,
		body: await response.text(),
		replayed: response.headers.get('idempotent-replayed')
	};
}

const a = () => world.mpps[0];
const ticketsPath = () => `/api/v1/mpps/${a().slug}/tickets`;
const callNextPath = (counter = a().counters.one) => `/api/v1/counters/${counter}/call-next`;

async function counts() {
	const [row] = await db.sql<{ tickets: number; events: number }[]>`
		SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM ticket_events) AS events`;
	return row;
}

async function ticketStatus(id: string): Promise<string> {
	const [row] = await db.sql<{ status: string }[]>`SELECT status FROM tickets WHERE id = ${id}`;
	return row.status;
}

/** Nobody waits and every counter of MPP A is free, so each test starts from a known queue. */
async function clearQueue() {
	await db.sql`UPDATE counters SET current_ticket_id = NULL, status = 'open'`;
	await db.sql`UPDATE tickets SET status = 'cancelled' WHERE status IN ('waiting', 'called', 'serving')`;
}

async function issue(serviceId = a().services.a): Promise<{ id: string; number: string }> {
	const answer = await post(superadmin, ticketsPath(), { serviceId });
	expect(answer.status).toBe(201);
	return JSON.parse(answer.body);
}

/** Issues a ticket and calls it to counter one (nothing else waits there). */
async function calledTicket(): Promise<{ id: string; number: string }> {
	await clearQueue();
	const ticket = await issue();
	const called = await post(superadmin, callNextPath());
	expect(JSON.parse(called.body).ticket.id).toBe(ticket.id);
	return ticket;
}

describe('the key table', () => {
	// first, while this server process has not purged yet: its first keyed request purges
	it('purges keys older than 24 hours and keeps younger ones', async () => {
		await db.sql`
			INSERT INTO idempotency_keys (caller, key, request_hash, response, created_at) VALUES
				('user:old', 'old-key-1', 'x', '{}', now() - interval '25 hours'),
				('user:young', 'young-key-1', 'x', '{}', now() - interval '23 hours')`;
		await clearQueue();
		expect((await post(operator, callNextPath(), undefined, randomUUID())).status).toBe(204);
		for (let i = 0; ; i++) {
			const left = await db.sql`SELECT key FROM idempotency_keys WHERE caller IN ('user:old', 'user:young')`;
			if (left.length === 1) {
				expect(left[0].key).toBe('young-key-1');
				break;
			}
			// the purge runs beside the answer; give it a moment, but not forever
			expect(i, 'expired key still there').toBeLessThan(200);
			await new Promise((r) => setTimeout(r, 25));
		}
	});

	it('takes over a key older than 24 hours instead of replaying it', async () => {
		const key = randomUUID();
		const first = await post(kiosk, ticketsPath(), { serviceId: a().services.b }, key);
		expect(first.status).toBe(201);
		await db.sql`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = ${key}`;
		const again = await post(kiosk, ticketsPath(), { serviceId: a().services.b }, key);
		expect(again.status).toBe(201);
		expect(again.replayed).toBeNull();
		expect(JSON.parse(again.body).id).not.toBe(JSON.parse(first.body).id);
	});
});

describe('POST /api/v1/mpps/{slug}/tickets (a kiosk press)', () => {
	it('the same key twice: the same answer, one ticket', async () => {
		const key = randomUUID();
		const before = await counts();
		const first = await post(kiosk, ticketsPath(), { serviceId: a().services.a }, key);
		const retry = await post(kiosk, ticketsPath(), { serviceId: a().services.a }, key);
		expect(first.status).toBe(201);
		expect(first.replayed).toBeNull();
		expect(retry).toEqual({ ...first, replayed: 'true' });
		const after = await counts();
		expect(after.tickets - before.tickets).toBe(1);
		expect(after.events - before.events).toBe(1);
	});

	it('20 racing requests with one key: one ticket, twenty equal answers', async () => {
		const key = randomUUID();
		const before = await counts();
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => post(kiosk, ticketsPath(), { serviceId: a().services.a }, key))
		);
		expect((await counts()).tickets - before.tickets).toBe(1);
		expect(new Set(answers.map((x) => `${x.status} ${x.body}`)).size).toBe(1);
		expect(answers[0].status).toBe(201);
		expect(answers.filter((x) => x.replayed === null)).toHaveLength(1);
	});

	it('the same key with another body, or at another door, is 422 and changes nothing', async () => {
		const key = randomUUID();
		expect((await post(kiosk, ticketsPath(), { serviceId: a().services.a }, key)).status).toBe(201);
		const before = await counts();
		const other = await post(kiosk, ticketsPath(), { serviceId: a().services.b }, key);
		expect(other.status).toBe(422);
		expect(JSON.parse(other.body).error.code).toBe('idempotency_key_reused');
		const priority = await post(
			kiosk,
			ticketsPath(),
			{ serviceId: a().services.a, priorityGroup: 'lansia' },
			key
		);
		expect(priority.status).toBe(422);
		expect(await counts()).toEqual(before);
	});

	it("one caller's key is not another's: the same key from someone else is a new request", async () => {
		const key = randomUUID();
		const fromKiosk = await post(kiosk, ticketsPath(), { serviceId: a().services.a }, key);
		const fromStaff = await post(superadmin, ticketsPath(), { serviceId: a().services.a }, key);
		expect(fromStaff.status).toBe(201);
		expect(fromStaff.replayed).toBeNull();
		expect(JSON.parse(fromStaff.body).id).not.toBe(JSON.parse(fromKiosk.body).id);
	});

	it.each([['short'], ['has space in it'], ['x'.repeat(129)], ['ünïcode-key-123'], ['']])(
		'a malformed key (%j) is 400 and issues nothing',
		async (key) => {
			const before = await counts();
			const answer = await post(kiosk, ticketsPath(), { serviceId: a().services.a }, key);
			expect(answer.status).toBe(400);
			expect(JSON.parse(answer.body).error.code).toBe('invalid_idempotency_key');
			expect(await counts()).toEqual(before);
		}
	);

	it('without a key, two presses are two tickets (as before)', async () => {
		const before = await counts();
		await post(kiosk, ticketsPath(), { serviceId: a().services.a });
		await post(kiosk, ticketsPath(), { serviceId: a().services.a });
		expect((await counts()).tickets - before.tickets).toBe(2);
	});
});

describe('POST /api/v1/counters/{id}/call-next', () => {
	it('a retried call-next neither finishes the ticket it called nor calls the next one', async () => {
		await clearQueue();
		const first = await issue();
		const second = await issue();
		const key = randomUUID();
		const called = await post(operator, callNextPath(), undefined, key);
		expect(called.status).toBe(200);
		expect(JSON.parse(called.body).ticket.id).toBe(first.id);
		const before = await counts();
		// the answer was lost; the console sends the same press again
		const retry = await post(operator, callNextPath(), undefined, key);
		expect(retry).toEqual({ ...called, replayed: 'true' });
		expect(await ticketStatus(first.id)).toBe('called');
		expect(await ticketStatus(second.id)).toBe('waiting');
		expect(await counts()).toEqual(before);
		// a new press (a new key) does finish it and call the next
		const next = await post(operator, callNextPath(), undefined, randomUUID());
		expect(JSON.parse(next.body).ticket.id).toBe(second.id);
		expect(await ticketStatus(first.id)).toBe('done');
	});

	it('20 racing call-next with one key: one ticket called, twenty equal answers', async () => {
		await clearQueue();
		const tickets = [await issue(), await issue(), await issue()];
		const key = randomUUID();
		const answers = await Promise.all(
			Array.from({ length: 20 }, () => post(operator, callNextPath(), undefined, key))
		);
		expect(new Set(answers.map((x) => `${x.status} ${x.body}`)).size).toBe(1);
		expect(JSON.parse(answers[0].body).ticket.id).toBe(tickets[0].id);
		expect(await Promise.all(tickets.map((t) => ticketStatus(t.id)))).toEqual([
			'called',
			'waiting',
			'waiting'
		]);
	});

	it('replays a 204 (nobody waiting) as a 204', async () => {
		await clearQueue();
		const key = randomUUID();
		const first = await post(operator, callNextPath(), undefined, key);
		expect(first.status).toBe(204);
		await issue();
		const retry = await post(operator, callNextPath(), undefined, key);
		expect(retry).toEqual({ status: 204, body: '', replayed: 'true' });
	});

	it('the same key at another counter is 422', async () => {
		await clearQueue();
		const key = randomUUID();
		await post(operator, callNextPath(a().counters.one), undefined, key);
		const other = await post(operator, callNextPath(a().counters.three), undefined, key);
		expect(other.status).toBe(422);
	});

	it('a refused first attempt keeps no answer: the retry runs again', async () => {
		await clearQueue();
		await issue();
		await db.sql`UPDATE counters SET status = 'paused' WHERE id = ${a().counters.one}`;
		const key = randomUUID();
		expect((await post(operator, callNextPath(), undefined, key)).status).toBe(409);
		await db.sql`UPDATE counters SET status = 'open' WHERE id = ${a().counters.one}`;
		const retry = await post(operator, callNextPath(), undefined, key);
		expect(retry.status).toBe(200);
		expect(retry.replayed).toBeNull();
	});
});

describe('POST /api/v1/tickets/{id}/{action} and /counters/{id}/status', () => {
	type Case = {
		name: string;
		prepare: () => Promise<{ path: string; body?: unknown; otherBody?: unknown }>;
		event: string;
	};
	const cases: Case[] = [
		{
			name: 'recall',
			event: 'recalled',
			prepare: async () => ({ path: `/api/v1/tickets/${(await calledTicket()).id}/recall` })
		},
		{
			name: 'start',
			event: 'started',
			prepare: async () => ({ path: `/api/v1/tickets/${(await calledTicket()).id}/start` })
		},
		{
			name: 'finish',
			event: 'finished',
			prepare: async () => ({ path: `/api/v1/tickets/${(await calledTicket()).id}/finish` })
		},
		{
			name: 'no-show',
			event: 'no_show',
			prepare: async () => {
				const ticket = await calledTicket();
				await db.sql`UPDATE tickets SET call_count = 3 WHERE id = ${ticket.id}`;
				return { path: `/api/v1/tickets/${ticket.id}/no-show` };
			}
		},
		{
			name: 'cancel',
			event: 'cancelled',
			prepare: async () => {
				await clearQueue();
				return { path: `/api/v1/tickets/${(await issue()).id}/cancel` };
			}
		},
		{
			name: 'transfer',
			event: 'transferred',
			prepare: async () => {
				await clearQueue();
				return {
					path: `/api/v1/tickets/${(await issue()).id}/transfer`,
					body: { serviceId: a().services.b },
					otherBody: { serviceId: a().services.c }
				};
			}
		},
		{
			name: 'counter status',
			event: 'requeued',
			prepare: async () => {
				await calledTicket();
				return {
					path: `/api/v1/counters/${a().counters.one}/status`,
					body: { status: 'paused' },
					otherBody: { status: 'closed' }
				};
			}
		}
	];

	it.each(cases)('$name: the same key twice is the same answer and one change', async (c) => {
		const { path, body } = await c.prepare();
		const key = randomUUID();
		const eventsBefore = await eventCount(c.event);
		const first = await post(operator, path, body, key);
		expect(first.status).toBe(200);
		const retry = await post(operator, path, body, key);
		expect(retry).toEqual({ ...first, replayed: 'true' });
		expect((await eventCount(c.event)) - eventsBefore).toBe(1);
	});

	it.each(cases)('$name: 20 racing requests with one key are one change', async (c) => {
		const { path, body } = await c.prepare();
		const key = randomUUID();
		const eventsBefore = await eventCount(c.event);
		const answers = await Promise.all(Array.from({ length: 20 }, () => post(operator, path, body, key)));
		expect(new Set(answers.map((x) => `${x.status} ${x.body}`)).size).toBe(1);
		expect(answers[0].status).toBe(200);
		expect((await eventCount(c.event)) - eventsBefore).toBe(1);
	});

	it.each(cases.filter((c) => c.name === 'transfer' || c.name === 'counter status'))(
		'$name: the same key with another body is 422',
		async (c) => {
			const { path, body, otherBody } = await c.prepare();
			const key = randomUUID();
			expect((await post(operator, path, body, key)).status).toBe(200);
			const other = await post(operator, path, otherBody, key);
			expect(other.status).toBe(422);
			expect(JSON.parse(other.body).error.code).toBe('idempotency_key_reused');
		}
	);

	async function eventCount(type: string): Promise<number> {
		const [row] = await db.sql<{ n: number }[]>`SELECT count(*) AS n FROM ticket_events WHERE type = ${type}`;
		return row.n;
	}
});

describe('the kiosk screen issue action', () => {
	async function press(key: string, serviceId = a().services.a) {
		const form = new URLSearchParams({ serviceId, priorityGroup: '', paper: '80', print: '1' });
		const response = await fetch(`${app.url}/kiosk/${a().slug}?/issue`, {
			method: 'POST',
			headers: {
				cookie: `antrean_device=${kiosk}`,
				origin: app.url,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				'idempotency-key': key
			},
			body: form
		});
		return {
			status: response.status,
			body: await response.text(),
			replayed: response.headers.get('idempotent-replayed')
		};
	}

	it('a retried press leads to the same slip and prints one ticket', async () => {
		const key = randomUUID();
		const before = await counts();
		const first = await press(key);
		expect(JSON.parse(first.body)).toMatchObject({ type: 'redirect', status: 303 });
		const retry = await press(key);
		expect(retry).toEqual({ ...first, replayed: 'true' });
		expect((await counts()).tickets - before.tickets).toBe(1);
	});

	it('racing presses with one key print one ticket', async () => {
		const key = randomUUID();
		const before = await counts();
		const answers = await Promise.all(Array.from({ length: 20 }, () => press(key)));
		expect(new Set(answers.map((x) => x.body)).size).toBe(1);
		expect((await counts()).tickets - before.tickets).toBe(1);
	});

	it('before JavaScript, a double press of the plain form (the page’s key in a field) prints one ticket', async () => {
		const key = randomUUID();
		const plain = async () => {
			const response = await fetch(`${app.url}/kiosk/${a().slug}?/issue`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie: `antrean_device=${kiosk}`,
					origin: app.url,
					// as a browser posts a form
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({
					serviceId: a().services.a,
					priorityGroup: '',
					paper: '80',
					print: '1',
					idempotencyKey: key
				})
			});
			return { status: response.status, location: response.headers.get('location') };
		};
		const before = await counts();
		const first = await plain();
		expect(first.status).toBe(303);
		expect(await plain()).toEqual(first);
		expect((await counts()).tickets - before.tickets).toBe(1);
	});

	it('the same key for another service is refused and prints nothing', async () => {
		const key = randomUUID();
		await press(key);
		const before = await counts();
		const other = await press(key, a().services.b);
		expect(JSON.parse(other.body)).toMatchObject({ type: 'failure', status: 422 });
		expect(await counts()).toEqual(before);
	});
});
