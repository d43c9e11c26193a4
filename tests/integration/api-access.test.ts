// Role × route matrix over real HTTP: every API route, every role, devices and no login,
// including people of one MPP acting on another MPP's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

type Who =
	| 'anonymous'
	| 'superadmin'
	| 'ministry'
	| 'adminA'
	| 'supervisorA'
	| 'operatorA'
	| 'adminB'
	| 'operatorB'
	| 'displayA'
	| 'kioskA'
	| 'kioskB';
const everyone: Who[] = [
	'anonymous',
	'superadmin',
	'ministry',
	'adminA',
	'supervisorA',
	'operatorA',
	'adminB',
	'operatorB',
	'displayA',
	'kioskA',
	'kioskB'
];

let db: TestDatabase;
let app: AppServer;
let world: World;
const tokens = {} as Record<Who, string | null>;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	const [a, b] = world.mpps;
	tokens.anonymous = null;
	tokens.superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
	tokens.ministry = await signIn(app.url, world.ministry.email, PASSWORD);
	tokens.adminA = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
	tokens.supervisorA = await signIn(app.url, a.users.supervisor.email, PASSWORD);
	tokens.operatorA = await signIn(app.url, a.users.operator.email, PASSWORD);
	tokens.adminB = await signIn(app.url, b.users.mpp_admin.email, PASSWORD);
	tokens.operatorB = await signIn(app.url, b.users.operator.email, PASSWORD);
	tokens.displayA = a.devices.display.token;
	tokens.kioskA = a.devices.kiosk.token;
	tokens.kioskB = b.devices.kiosk.token;
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function call(who: Who, method: string, path: string, body?: unknown) {
	const headers: Record<string, string> = {};
	if (tokens[who]) headers.authorization = `Bearer ${tokens[who]}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${app.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Issues a ticket at MPP A as the superadmin, optionally calls it at counter one. */
async function ticketAtA(called: boolean) {
	const a = world.mpps[0];
	const issued = await call('superadmin', 'POST', `/api/v1/mpps/${a.slug}/tickets`, {
		serviceId: a.services.a
	});
	expect(issued.status).toBe(201);
	if (called) {
		// counter one calls the oldest waiting ticket of services a/b; drain until ours is called
		for (;;) {
			const next = await call('superadmin', 'POST', `/api/v1/counters/${a.counters.one}/call-next`);
			expect(next.status).toBe(200);
			if (next.body.ticket.id === issued.body.id) break;
		}
	}
	return issued.body as { id: string; trackCode: string };
}

function expectDenied(who: Who, status: number) {
	expect(status, who).toBe(who === 'anonymous' ? 401 : 403);
}

describe('GET /api/v1/mpps', () => {
	it.each(everyone)('%s', async (who) => {
		const { status, body } = await call(who, 'GET', '/api/v1/mpps');
		if (['anonymous', 'displayA', 'kioskA', 'kioskB'].includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		const slugs = body.mpps.map((m: { slug: string }) => m.slug).sort();
		if (who === 'superadmin' || who === 'ministry') expect(slugs).toEqual(['jakarta-uji', 'makassar-uji']);
		else if (who.endsWith('A')) expect(slugs).toEqual(['jakarta-uji']);
		else expect(slugs).toEqual(['makassar-uji']);
	});
});

describe('GET /api/v1/mpps/{slug}/services', () => {
	const allowed: Who[] = ['superadmin', 'adminA', 'supervisorA', 'operatorA', 'kioskA'];
	it.each(everyone)('%s', async (who) => {
		const { status, body } = await call(who, 'GET', '/api/v1/mpps/jakarta-uji/services');
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(body.services.map((s: { prefix: string }) => s.prefix).sort()).toEqual(['A', 'B', 'D']);
		expect(body.services[0]).toHaveProperty('waiting');
	});
});

describe('GET /api/v1/mpps/{slug}/counters', () => {
	const allowed: Who[] = ['superadmin', 'adminA', 'supervisorA', 'operatorA'];
	it.each(everyone)('%s', async (who) => {
		const { status, body } = await call(who, 'GET', '/api/v1/mpps/jakarta-uji/counters');
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(body.counters.map((c: { name: string }) => c.name)).toEqual(['Loket 1', 'Loket 2', 'Loket 3']);
	});
});

describe('POST /api/v1/mpps/{slug}/tickets', () => {
	const allowed: Who[] = ['superadmin', 'adminA', 'supervisorA', 'operatorA', 'kioskA'];
	it.each(everyone)('%s', async (who) => {
		const a = world.mpps[0];
		const { status, body } = await call(who, 'POST', `/api/v1/mpps/${a.slug}/tickets`, {
			serviceId: a.services.b
		});
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(201);
		expect(body.number).toMatch(/^B\d{3}$/);
		expect(body.status).toBe('waiting');
	});
});

describe('GET /api/v1/mpps/{slug}/display', () => {
	const allowed: Who[] = ['superadmin', 'adminA', 'supervisorA', 'operatorA', 'displayA'];
	it.each(everyone)('%s', async (who) => {
		const { status, body } = await call(who, 'GET', '/api/v1/mpps/jakarta-uji/display');
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(typeof body.seq).toBe('number');
	});
});

describe('POST /api/v1/counters/{id}/call-next and /status', () => {
	// the operator of A is assigned to counters one and three, not two
	const allowed: Who[] = ['superadmin', 'adminA', 'operatorA'];
	it.each(everyone)('call-next at an assigned counter: %s', async (who) => {
		await ticketAtA(false);
		const { status } = await call(who, 'POST', `/api/v1/counters/${world.mpps[0].counters.one}/call-next`);
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect([200, 204]).toContain(status);
	});
	it('an operator cannot call at a counter of their MPP they are not assigned to', async () => {
		const { status, body } = await call(
			'operatorA',
			'POST',
			`/api/v1/counters/${world.mpps[0].counters.two}/call-next`
		);
		expect(status).toBe(403);
		expect(body.error.code).toBe('forbidden');
	});
	it("an operator of another MPP cannot call at this MPP's counter", async () => {
		const { status } = await call(
			'operatorB',
			'POST',
			`/api/v1/counters/${world.mpps[0].counters.one}/call-next`
		);
		expect(status).toBe(403);
	});
	it.each(everyone)('status: %s', async (who) => {
		const { status, body } = await call(
			who,
			'POST',
			`/api/v1/counters/${world.mpps[0].counters.three}/status`,
			{
				status: 'open'
			}
		);
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(body.counter.status).toBe('open');
	});
});

describe('POST /api/v1/tickets/{id}/{action}', () => {
	const allowed: Who[] = ['superadmin', 'adminA', 'operatorA'];
	it.each(everyone)('start a called ticket: %s', async (who) => {
		const ticket = await ticketAtA(true);
		const { status, body } = await call(who, 'POST', `/api/v1/tickets/${ticket.id}/start`);
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(body.ticket.status).toBe('serving');
	});
	it.each(everyone)('transfer a waiting ticket: %s', async (who) => {
		const ticket = await ticketAtA(false);
		const { status, body } = await call(who, 'POST', `/api/v1/tickets/${ticket.id}/transfer`, {
			serviceId: world.mpps[0].services.b
		});
		if (!allowed.includes(who)) return expectDenied(who, status);
		expect(status).toBe(200);
		expect(body.ticket.serviceId).toBe(world.mpps[0].services.b);
	});
});

describe('GET /api/v1/tickets/{trackCode}', () => {
	it.each(everyone)('anyone with the code: %s', async (who) => {
		const ticket = await ticketAtA(false);
		const { status, body } = await call(who, 'GET', `/api/v1/tickets/${ticket.trackCode}`);
		expect(status).toBe(200);
		expect(body.status).toBe('waiting');
		expect(body.position).toBeGreaterThanOrEqual(1);
	});
});
