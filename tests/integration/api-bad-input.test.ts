// Malformed requests, each answered with a 4xx and the API's error body, never a 500,
// and nothing issued or changed by a refused request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let token: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	token = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

interface Case {
	name: string;
	method: string;
	path: (w: World) => string;
	body?: string | ((w: World) => string);
	contentType?: string;
	auth?: boolean;
	status: number;
	code?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const a = (w: World) => w.mpps[0];
const missingUuid = '018f0000-0000-7000-8000-000000000000';

const cases: Case[] = [
	{
		name: 'ticket: malformed JSON',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: '{"serviceId":',
		status: 400,
		code: 'invalid_json'
	},
	{
		name: 'ticket: empty body',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: '',
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: JSON array',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: '[1,2]',
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: XML content type',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: '<serviceId/>',
		contentType: 'application/xml',
		status: 415,
		code: 'unsupported_media_type'
	},
	{
		name: 'ticket: missing serviceId',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: json({}),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: serviceId of the wrong type',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: json({ serviceId: 42 }),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: serviceId not a UUID',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: json({ serviceId: "1' OR 1=1" }),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: unknown service',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: json({ serviceId: missingUuid }),
		status: 404
	},
	{
		name: "ticket: another MPP's service",
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: (w) => json({ serviceId: w.mpps[1].services.a }),
		status: 404
	},
	{
		name: 'ticket: unknown priority group',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: (w) => json({ serviceId: a(w).services.a, priorityGroup: 'vip' }),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: unexpected field',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: (w) => json({ serviceId: a(w).services.a, number: 'A001' }),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket: oversized body',
		method: 'POST',
		path: (w) => `/api/v1/mpps/${a(w).slug}/tickets`,
		body: (w) => json({ serviceId: a(w).services.a, pad: 'x'.repeat(40_000) }),
		status: 413,
		code: 'payload_too_large'
	},
	{
		name: 'unknown MPP slug',
		method: 'GET',
		path: () => '/api/v1/mpps/atlantis/services',
		status: 404,
		code: 'mpp_not_found'
	},
	{
		name: 'malformed MPP slug',
		method: 'GET',
		path: () => '/api/v1/mpps/DROP%20TABLE/counters',
		status: 404,
		code: 'mpp_not_found'
	},
	{
		name: 'ticket at unknown MPP',
		method: 'POST',
		path: () => '/api/v1/mpps/atlantis/tickets',
		body: json({ serviceId: missingUuid }),
		status: 404,
		code: 'mpp_not_found'
	},
	{
		name: 'call-next: unknown counter',
		method: 'POST',
		path: () => `/api/v1/counters/${missingUuid}/call-next`,
		status: 404,
		code: 'counter_not_found'
	},
	{
		name: 'call-next: counter id not a UUID',
		method: 'POST',
		path: () => '/api/v1/counters/loket-1/call-next',
		status: 404,
		code: 'counter_not_found'
	},
	{
		name: 'counter status: unknown status',
		method: 'POST',
		path: (w) => `/api/v1/counters/${a(w).counters.one}/status`,
		body: json({ status: 'broken' }),
		status: 400,
		code: 'validation_failed'
	},
	{
		name: 'ticket action: unknown ticket',
		method: 'POST',
		path: () => `/api/v1/tickets/${missingUuid}/finish`,
		status: 404,
		code: 'ticket_not_found'
	},
	{
		name: 'ticket action: id not a UUID',
		method: 'POST',
		path: () => '/api/v1/tickets/A001/finish',
		status: 404,
		code: 'ticket_not_found'
	},
	{
		name: 'ticket action: unknown action',
		method: 'POST',
		path: () => `/api/v1/tickets/${missingUuid}/explode`,
		status: 404,
		code: 'unknown_action'
	},
	{
		name: 'track code: unknown',
		method: 'GET',
		path: () => '/api/v1/tickets/abcdefghij',
		auth: false,
		status: 404,
		code: 'ticket_not_found'
	},
	{
		name: 'track code: malformed',
		method: 'GET',
		path: () => '/api/v1/tickets/%3Cscript%3E',
		auth: false,
		status: 404,
		code: 'ticket_not_found'
	},
	{
		name: 'session: malformed JSON',
		method: 'POST',
		path: () => '/api/v1/session',
		body: '{',
		auth: false,
		status: 400
	},
	{
		name: 'session: missing password',
		method: 'POST',
		path: () => '/api/v1/session',
		body: json({ email: 'x@y.z' }),
		auth: false,
		status: 400
	},
	{
		name: 'session: wrong password',
		method: 'POST',
		path: () => '/api/v1/session',
		body: (w) => json({ email: a(w).users.operator.email, password: 'salah-sekali' }),
		auth: false,
		status: 401,
		code: 'invalid_credentials'
	},
	{
		name: 'unknown API route',
		method: 'GET',
		path: () => '/api/v1/nothing-here',
		status: 404,
		code: 'not_found'
	},
	{ name: 'wrong method on a route', method: 'DELETE', path: () => '/api/v1/mpps', status: 405 },
	{
		name: 'bearer token that means nothing',
		method: 'GET',
		path: () => '/api/v1/mpps',
		auth: false,
		status: 401,
		code: 'unauthorized'
	}
];

describe('bad input is a 4xx with an error body', () => {
	it.each(cases)('$name → $status', async (c) => {
		const headers: Record<string, string> = {};
		if (c.auth !== false) headers.authorization = `Bearer ${token}`;
		if (c.name.startsWith('bearer')) headers.authorization = 'Bearer not-a-real-token';
		const body = typeof c.body === 'function' ? c.body(world) : c.body;
		if (body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
		const response = await fetch(`${app.url}${c.path(world)}`, { method: c.method, headers, body });
		expect(response.status).toBe(c.status);
		const parsed = (await response.json()) as { error: { code: string; message: string } };
		expect(parsed.error.message.length).toBeGreaterThan(0);
		if (c.code) expect(parsed.error.code).toBe(c.code);
	});

	it('issued no ticket while refusing all of that', async () => {
		const [row] = await db.sql`SELECT count(*)::int AS n FROM tickets`;
		expect(row.n).toBe(0);
	});

	it('a transfer without a target service or to the same service is refused and the ticket keeps its place', async () => {
		const w = world;
		const issue = await fetch(`${app.url}/api/v1/mpps/${a(w).slug}/tickets`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: json({ serviceId: a(w).services.a })
		});
		const ticket = (await issue.json()) as { id: string; number: string };
		const transfer = (body: unknown) =>
			fetch(`${app.url}/api/v1/tickets/${ticket.id}/transfer`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: json(body)
			});
		expect((await transfer({})).status).toBe(400);
		const same = await transfer({ serviceId: a(w).services.a });
		expect(same.status).toBe(422);
		const [row] = await db.sql`SELECT status, service_id FROM tickets WHERE id = ${ticket.id}`;
		expect(row).toEqual({ status: 'waiting', service_id: a(w).services.a });
	});
});
