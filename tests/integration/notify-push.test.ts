// Web Push for a ticket (issue 12) on two real nodes sharing one database, against a local push
// service: subscriptions are validated and limited, "N people ahead" and "called" reach every
// subscribed browser exactly once however many nodes sweep, and subscriptions go when the ticket
// ends or the push service says the browser is gone (410).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueTicket } from '../../src/lib/server/queue';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { startPushService, type PushService } from '../helpers/push-service';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let push: PushService;
let nodeA: AppServer;
let nodeB: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	push = await startPushService();
	const env = {
		NODE_EXTRA_CA_CERTS: push.caFile,
		ANTREAN_PUSH_HOSTS: '127.0.0.1',
		ANTREAN_NOTIFY_SWEEP_MS: '200',
		ANTREAN_NOTIFY_RETRY_MS: '1000'
	};
	[nodeA, nodeB] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
	await waitForListeners(db.sql, 2);
}, 120_000);

afterAll(async () => {
	await Promise.all([nodeA?.stop(), nodeB?.stop()]);
	await push?.close();
	await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
		await sleep(100);
	}
}

function subscribe(node: AppServer, trackCode: string, body: unknown): Promise<Response> {
	return fetch(`${node.url}/api/v1/tickets/${trackCode}/push`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

async function issue(mpp = world.mpps[0], serviceId = world.mpps[0].services.c) {
	return (await issueTicket(db.sql, { mppId: mpp.id, serviceId, actor: {} })).ticket;
}

async function callNext(counterId: string, mpp = world.mpps[0]): Promise<string> {
	const token = await signIn(nodeA.url, mpp.users.operator.email, PASSWORD);
	const response = await fetch(`${nodeA.url}/api/v1/counters/${counterId}/call-next`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}` }
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { ticket: { number: string } }).ticket.number;
}

const subscriptionsOf = async (ticketId: string) =>
	(await db.sql`SELECT id FROM push_subscriptions WHERE ticket_id = ${ticketId}`).length;

describe('subscribing from the tracking page', () => {
	it('refuses what is not a browser push subscription with a readable 400', async () => {
		const ticket = await issue(world.mpps[1], world.mpps[1].services.a);
		const good = push.subscription('/v/good');
		const cases: unknown[] = [
			{ ...good, endpoint: good.endpoint.replace('https:', 'http:') },
			{ ...good, endpoint: 'https://internal.example.test/admin' },
			{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } },
			{ ...good, keys: { ...good.keys, auth: Buffer.alloc(32).toString('base64url') } },
			{ ...good, keys: { ...good.keys, extra: 'x' } },
			{ endpoint: good.endpoint },
			'just a string'
		];
		for (const body of cases) {
			const response = await subscribe(nodeA, ticket.trackCode, body);
			expect(response.status, JSON.stringify(body)).toBe(400);
			const answer = (await response.json()) as { error: { code: string; message: string } };
			expect(answer.error.message.length).toBeGreaterThan(5);
		}
		const crafted = await fetch(`${nodeA.url}/api/v1/tickets/${ticket.trackCode}/push`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: `{"endpoint":"${good.endpoint}","keys":{"p256dh":"${good.keys.p256dh}","auth":"${good.keys.auth}"},"__proto__":{"x":1}}`
		});
		expect(crafted.status).toBe(400);
		expect(await subscriptionsOf(ticket.id)).toBe(0);
	});

	it('allows three devices per ticket; the same device again only refreshes its keys', async () => {
		const ticket = await issue(world.mpps[1], world.mpps[1].services.a);
		for (const path of ['/v/one', '/v/two', '/v/three']) {
			expect((await subscribe(nodeA, ticket.trackCode, push.subscription(path))).status).toBe(201);
		}
		expect((await subscribe(nodeB, ticket.trackCode, push.subscription('/v/one'))).status).toBe(201);
		const fourth = await subscribe(nodeB, ticket.trackCode, push.subscription('/v/four'));
		expect(fourth.status).toBe(409);
		expect(((await fourth.json()) as { error: { code: string } }).error.code).toBe('too_many_subscriptions');
		expect(await subscriptionsOf(ticket.id)).toBe(3);
	});

	it('answers 404 for an unknown code, counted as a guess (429 past the limit), and 409 for an ended ticket', async () => {
		const body = push.subscription('/v/guess');
		const first = await subscribe(nodeB, 'zzzzzzzzzzzz', body);
		expect(first.status).toBe(404);
		let status = 404;
		for (let i = 0; i < 40 && status === 404; i++)
			status = (await subscribe(nodeB, `nope${i}abcdef`, body)).status;
		expect(status).toBe(429);

		const ended = await issue(world.mpps[1], world.mpps[1].services.b);
		await db.sql`UPDATE tickets SET status = 'cancelled' WHERE id = ${ended.id}`;
		const refused = await subscribe(nodeA, ended.trackCode, push.subscription('/v/ended'));
		expect(refused.status).toBe(409);
	});
});

describe('sending', () => {
	it('tells every subscribed browser "3 people ahead" and "called" exactly once, with two nodes sweeping', async () => {
		const tickets = [];
		for (let i = 0; i < 5; i++) tickets.push(await issue());
		const mine = tickets[4];
		// two devices, subscribed through different nodes
		expect((await subscribe(nodeA, mine.trackCode, push.subscription('/s/phone'))).status).toBe(201);
		expect(
			(await subscribe(nodeB, mine.trackCode, { ...push.subscription('/s/tablet'), locale: 'en' })).status
		).toBe(201);
		const to = (path: string) => push.received.filter((r) => r.path === path);
		// four ahead: below the threshold, nothing is due yet; one call makes it three
		await callNext(world.mpps[0].counters.three);
		await until(
			() => to('/s/phone').length + to('/s/tablet').length,
			(n) => n >= 2,
			'the near pushes'
		);
		expect(to('/s/phone')[0].message?.body).toBe('3 orang lagi di depan Anda. Bersiaplah di dekat loket.');
		expect(to('/s/tablet')[0].message?.body).toBe('3 people ahead of you. Please stay near the counters.');
		expect(to('/s/phone')[0].headers.urgency).toBe('high');
		expect(to('/s/phone')[0].headers.ttl).toBe('600');
		expect(String(to('/s/phone')[0].headers.authorization)).toMatch(/^vapid t=.+, k=.+/);
		// two, one, none ahead: the "near" message was sent already
		for (let i = 0; i < 3; i++) await callNext(world.mpps[0].counters.three);
		expect(await callNext(world.mpps[0].counters.three)).toBe(mine.number);
		await until(
			() => to('/s/phone').length + to('/s/tablet').length,
			(n) => n >= 4,
			'the call pushes'
		);
		const called = to('/s/phone')[1];
		expect(called.message).toMatchObject({
			title: `Nomor ${mine.number} dipanggil`,
			body: 'Dipanggil: silakan ke Loket 3.'
		});
		expect(called.message?.url).toBe(`/t/${mine.trackCode}`);
		expect(called.headers.ttl).toBe('120');
		// every delivery is marked sent, and several more sweeps of both nodes send nothing again
		await until(
			() => db.sql`
				SELECT count(*)::int AS n FROM push_deliveries d JOIN push_subscriptions s ON s.id = d.subscription_id
				WHERE s.ticket_id = ${mine.id} AND d.sent_at IS NOT NULL`,
			(rows) => rows[0].n === 4,
			'sent marks'
		);
		await sleep(1500);
		expect(to('/s/phone').length).toBe(2);
		expect(to('/s/tablet').length).toBe(2);
	});

	it('deletes the subscriptions when the ticket ends', async () => {
		const ticket = await issue(world.mpps[0], world.mpps[0].services.a);
		expect((await subscribe(nodeA, ticket.trackCode, push.subscription('/e/one'))).status).toBe(201);
		expect(await subscriptionsOf(ticket.id)).toBe(1);
		const token = await signIn(nodeB.url, world.mpps[0].users.operator.email, PASSWORD);
		const response = await fetch(`${nodeB.url}/api/v1/tickets/${ticket.id}/cancel`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(200);
		await until(
			() => subscriptionsOf(ticket.id),
			(n) => n === 0,
			'the subscription to go'
		);
	});

	it('sends again after the push service failed, and then never again', async () => {
		const ticket = await issue(world.mpps[1], world.mpps[1].services.c);
		push.answerOnce('/r/flaky', 503);
		expect((await subscribe(nodeA, ticket.trackCode, push.subscription('/r/flaky'))).status).toBe(201);
		// next in line: "near" is due at once; the first attempt fails, the retry a second later goes out
		await until(
			() => db.sql`
				SELECT d.attempts, d.sent_at FROM push_deliveries d JOIN push_subscriptions s ON s.id = d.subscription_id
				WHERE s.ticket_id = ${ticket.id}`,
			(rows) => rows.length === 1 && rows[0].sent_at !== null,
			'the retried push to be marked sent'
		);
		await sleep(1500);
		const received = push.received.filter((r) => r.path === '/r/flaky');
		expect(received).toHaveLength(2);
		expect(received[1].message?.body).toBe('Anda berikutnya. Bersiaplah di dekat loket.');
	});

	it('sends nothing twice across a restart of every node', async () => {
		const mpp = world.mpps[0];
		const tickets = [];
		for (let i = 0; i < 2; i++) tickets.push(await issue(mpp, mpp.services.c));
		const mine = tickets[1];
		expect((await subscribe(nodeB, mine.trackCode, push.subscription('/x/restart'))).status).toBe(201);
		const to = () => push.received.filter((r) => r.path === '/x/restart');
		await until(
			() => to().length,
			(n) => n === 1,
			'the near push before the restart'
		);
		await Promise.all([nodeA.stop(), nodeB.stop()]);
		const env = {
			NODE_EXTRA_CA_CERTS: push.caFile,
			ANTREAN_PUSH_HOSTS: '127.0.0.1',
			ANTREAN_NOTIFY_SWEEP_MS: '200',
			ANTREAN_NOTIFY_RETRY_MS: '1000'
		};
		[nodeA, nodeB] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
		await waitForListeners(db.sql, 2);
		await callNext(mpp.counters.three);
		expect(await callNext(mpp.counters.three)).toBe(mine.number);
		await until(
			() => to().length,
			(n) => n >= 2,
			'the call push after the restart'
		);
		await sleep(1000);
		expect(to().map((r) => r.message?.title)).toEqual([
			`Nomor ${mine.number}: giliran Anda hampir tiba`,
			`Nomor ${mine.number} dipanggil`
		]);
	}, 120_000);

	it('forgets a subscription the push service answers 410 for', async () => {
		const ticket = await issue(world.mpps[0], world.mpps[0].services.b);
		push.answer('/g/gone', 410);
		expect((await subscribe(nodeB, ticket.trackCode, push.subscription('/g/gone'))).status).toBe(201);
		// next in line: "near" is due at once, the push service says the browser is gone
		await until(
			() => subscriptionsOf(ticket.id),
			(n) => n === 0,
			'the gone subscription to go'
		);
		expect(push.received.filter((r) => r.path === '/g/gone')).toHaveLength(1);
	});
});
