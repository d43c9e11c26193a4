// Issue 10 item 2: user-controlled names never become keys that reach Object.prototype. Crafted field
// names go to every form action (anonymous and signed in), crafted keys through the CSV import, a
// socket payload and JSON bodies; then the same server process must still issue, call and validate
// strictly, which a polluted Object.prototype breaks (seen: every ticket issue answered 500).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/lib/server/admin/bulk';
import type { Actor } from '../../src/lib/server/auth/actor';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let superadmin: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const crafted = [
	'__proto__.polluted',
	'__proto__[polluted]',
	'constructor.prototype.polluted',
	'a.__proto__.polluted',
	'prototype.polluted',
	'hours.__proto__.polluted',
	'hours.mon.__proto__.polluted',
	'a[constructor][prototype][polluted]',
	'a..b',
	'.polluted'
];

/** Every form action, by route: staff-only ones refuse anonymous and wrong-role posts. */
const actions: { route: string; names: string[]; staff: boolean }[] = [
	{ route: 'admin/new', names: ['default'], staff: true },
	{ route: 'admin/people', names: ['create', 'link', 'active'], staff: true },
	{
		route: 'admin/[mpp]',
		names: ['profile', 'operations', 'addClosedDay', 'removeClosedDay', 'setStop', 'removeStop', 'setActive'],
		staff: true
	},
	{
		route: 'admin/[mpp]/services',
		names: [
			'createTenant',
			'updateTenant',
			'tenantActive',
			'createService',
			'updateService',
			'deactivateService',
			'activateService'
		],
		staff: true
	},
	{
		route: 'admin/[mpp]/counters',
		names: ['createCounter', 'updateCounter', 'deactivateCounter', 'activateCounter'],
		staff: true
	},
	{
		route: 'admin/[mpp]/devices',
		names: ['pair', 'rename', 'revoke', 'createEdge', 'revokeEdge'],
		staff: true
	},
	{ route: 'admin/[mpp]/people', names: ['create', 'update', 'reset', 'link', 'active'], staff: true },
	{ route: 'admin/[mpp]/import', names: ['default'], staff: true },
	{ route: 'admin/[mpp]/notifications', names: ['save'], staff: true },
	{ route: 'ministry/catalogue', names: ['create', 'update', 'active', 'import'], staff: true },
	{ route: 'ministry/coverage', names: ['setTarget', 'setStatus'], staff: true },
	{ route: 'ministry/readiness/[mpp]', names: ['record'], staff: true },
	{ route: 'kiosk/[mpp]', names: ['checkIn', 'issue'], staff: true },
	// the public booking pages (issue 12): no account, the code is the key
	{ route: 'book/[mpp]', names: ['book'], staff: false },
	{ route: 'book/[mpp]/[code]', names: ['cancel', 'checkIn'], staff: false },
	{ route: 'login', names: ['default'], staff: false },
	{ route: 'logout', names: ['default'], staff: false },
	{ route: 'invite/[token]', names: ['default'], staff: false }
];

/** The route files themselves: an action added later without a line above fails this test. */
function actionsInRoutes(): string[] {
	const root = join(process.cwd(), 'src/routes');
	const found: string[] = [];
	for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('+page.server.ts')) continue;
		const source = readFileSync(join(root, file), 'utf8');
		const block = source.split(/export const actions[^=]*=/)[1];
		if (!block) continue;
		const route = file.replace(/\/?\+page\.server\.ts$/, '');
		for (const [, name] of block.matchAll(/^\t(\w+): (?:async|guarded|\w+\()/gm))
			found.push(`${route}?/${name}`);
	}
	return found.sort();
}

const pathOf = (route: string, name: string) => {
	const path = '/' + route.replace('[mpp]', world.mpps[0].slug).replace('[token]', 'x'.repeat(43));
	return name === 'default' ? path : `${path}?/${name}`;
};

interface Answer {
	status: number;
	text: string;
}

/** A form action as the browser's enhanced form sends it; the answer's own status. */
async function postForm(path: string, body: BodyInit, token?: string, type?: string): Promise<Answer> {
	const headers: Record<string, string> = { origin: app.url, 'x-sveltekit-action': 'true' };
	if (token) headers.authorization = `Bearer ${token}`;
	if (type) headers['content-type'] = type;
	const response = await fetch(`${app.url}${path}`, { method: 'POST', redirect: 'manual', headers, body });
	const text = await response.text();
	if (response.status === 200 && text.startsWith('{')) {
		const answer = JSON.parse(text) as { type: string; status?: number };
		if (answer.type === 'failure') return { status: answer.status!, text };
		if (answer.type === 'redirect') return { status: answer.status ?? 303, text };
	}
	return { status: response.status, text };
}

/** The administration's and the national catalogue's editors: one editor pattern (form.server.ts). */
const editors = (route: string) => route.startsWith('admin') || route.startsWith('ministry/');

const fields = (name: string) =>
	new URLSearchParams([
		[name, '1'],
		['name', 'Uji']
	]);

describe('every form action', () => {
	it('is listed here', () => {
		const listed = actions.flatMap((a) => a.names.map((n) => `${a.route}?/${n}`)).sort();
		expect(actionsInRoutes()).toEqual(listed);
	});

	it('refuses anonymous and wrong-role posts to staff-only actions before reading the body', async () => {
		const operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
		// a body that cannot be parsed: reading it would fail, so only a refusal before reading is a 401/403
		const broken = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated';
		const multipart = 'multipart/form-data; boundary=x';
		for (const { route, names } of actions.filter((a) => a.staff)) {
			for (const name of names) {
				const path = pathOf(route, name);
				for (const field of crafted) {
					const anonymous = await postForm(path, fields(field));
					expect([401, 403], `anonymous ${path} ${field}`).toContain(anonymous.status);
				}
				expect([401, 403], `anonymous ${path} broken`).toContain(
					(await postForm(path, broken, undefined, multipart)).status
				);
				if (editors(route)) {
					expect((await postForm(path, fields('__proto__.x'), operator)).status, `operator ${path}`).toBe(
						403
					);
					expect((await postForm(path, broken, operator, multipart)).status, `operator ${path}`).toBe(403);
				}
			}
		}
	});

	it('answers crafted field names from a signed-in admin with a 400 in words, never a 500', async () => {
		for (const { route, names } of actions) {
			for (const name of names) {
				const path = pathOf(route, name);
				for (const field of crafted) {
					const answer = await postForm(path, fields(field), superadmin);
					expect(answer.status, `${path} ${field}`).toBeLessThan(500);
					// an import reads a file, not fields: it answers "choose a file"
					if (editors(route) && !route.endsWith('import') && name !== 'import') {
						expect(answer.status, `${path} ${field}`).toBe(400);
						expect(answer.text).toContain('Nama isian ini tidak diterima');
					}
				}
			}
		}
		// a body that is no readable form: refused in words too, once the admin may act
		const broken = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated';
		for (const { route, names } of actions.filter((a) => editors(a.route))) {
			for (const name of names) {
				const answer = await postForm(
					pathOf(route, name),
					broken,
					superadmin,
					'multipart/form-data; boundary=x'
				);
				expect(answer.status, `${route} ${name}`).toBe(400);
				expect(answer.text).toContain('Formulir tidak terbaca');
			}
		}
		const english = await fetch(`${app.url}/admin/new`, {
			method: 'POST',
			headers: {
				origin: app.url,
				'x-sveltekit-action': 'true',
				authorization: `Bearer ${superadmin}`,
				cookie: 'lang=en'
			},
			body: fields('__proto__.polluted')
		});
		expect(await english.text()).toContain('This field name is not accepted');
	});
});

describe('other user-controlled keys', () => {
	const kiosk = () => world.mpps[0].devices.kiosk.token;
	const ticketsPath = () => `/api/v1/mpps/${world.mpps[0].slug}/tickets`;
	const postJson = (path: string, token: string, body: string) =>
		fetch(`${app.url}${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body
		});

	it('refuses JSON bodies with __proto__, constructor or prototype keys at any depth', async () => {
		const serviceId = world.mpps[0].services.a;
		for (const body of [
			`{"serviceId":"${serviceId}","__proto__":{"polluted":1}}`,
			`{"serviceId":"${serviceId}","constructor":{"prototype":{"polluted":1}}}`,
			`{"__proto__":{"serviceId":"${serviceId}"}}`
		]) {
			const response = await postJson(ticketsPath(), kiosk(), body);
			expect(response.status, body).toBe(400);
		}
	});

	it('refuses the same keys in query strings', async () => {
		const response = await fetch(`${app.url}/api/v1/mpps/${world.mpps[0].slug}/stats?__proto__=1`, {
			headers: { authorization: `Bearer ${superadmin}` }
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('__proto__');
	});

	it('reports a CSV line whose kind is an Object.prototype name, and takes no crafted header', async () => {
		const csv = ['kind,name,__proto__,constructor', 'constructor,Uji,1,2', '__proto__,Uji,1,2'];
		const form = new FormData();
		form.set('file', new File([csv.join('\n')], 'uji.csv', { type: 'text/csv' }));
		const answer = await postForm(`/admin/${world.mpps[0].slug}/import`, form, superadmin);
		expect(answer.status).toBe(200);
		expect(answer.text).toContain('Jenis harus tenant');
		// both lines are an error on their kind, not silently taken as something
		const a = world.mpps[0];
		const actor: Actor = {
			kind: 'user',
			user: {
				id: a.users.mpp_admin.id,
				email: a.users.mpp_admin.email,
				name: 'Admin',
				role: 'mpp_admin',
				mppId: a.id
			},
			sessionId: 'session'
		};
		const { report } = await importCsv(db.sql, actor, a.id, csv.join('\n'), { dryRun: true });
		expect(report.errors.map(({ line, field, key }) => [line, field, key])).toEqual([
			[2, 'kind', 'admin.import.kind'],
			[3, 'kind', 'admin.import.kind']
		]);
	});

	it('refuses a socket payload with a __proto__ key', async () => {
		const socket: Socket = io(app.url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { origin: app.url }
		});
		try {
			await new Promise<void>((resolve, reject) => {
				socket.once('connect', resolve);
				socket.once('connect_error', reject);
			});
			const payload = JSON.parse(
				'{"room":"ticket","trackCode":"UJI12345","__proto__":{"polluted":1}}'
			) as unknown;
			const ack = (await socket.emitWithAck('room:join', payload)) as { error?: { code: string } };
			expect(ack.error?.code).toBe('invalid_payload');
			const plain = (await socket.emitWithAck('room:join', { room: 'ticket', trackCode: 'UJI12345' })) as {
				data?: unknown;
			};
			expect(plain.data).toBeDefined();
		} finally {
			socket.disconnect();
		}
	});
});

describe('afterwards, in the same server process', () => {
	it('still issues, calls and validates strictly', async () => {
		const a = world.mpps[0];
		const issue = await fetch(`${app.url}/api/v1/mpps/${a.slug}/tickets`, {
			method: 'POST',
			headers: { authorization: `Bearer ${a.devices.kiosk.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ serviceId: a.services.a })
		});
		expect(issue.status, await issue.clone().text()).toBe(201);
		const operator = await signIn(app.url, a.users.operator.email, PASSWORD);
		const call = await fetch(`${app.url}/api/v1/counters/${a.counters.one}/call-next`, {
			method: 'POST',
			headers: { authorization: `Bearer ${operator}` }
		});
		expect(call.status, await call.clone().text()).toBe(200);
		const strict = await fetch(`${app.url}/api/v1/mpps/${a.slug}/tickets`, {
			method: 'POST',
			headers: { authorization: `Bearer ${a.devices.kiosk.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ serviceId: a.services.a, extra: 1 })
		});
		expect(strict.status).toBe(400);
		// a polluted Object.prototype shows in any answer that lists an object's keys with for…in;
		// the status endpoint's JSON is plain data, so the crafted name must not appear in it
		const state = await fetch(`${app.url}/api/v1/mpps/${a.slug}/services`, {
			headers: { authorization: `Bearer ${operator}` }
		});
		expect(state.status).toBe(200);
		expect(await state.text()).not.toContain('polluted');
	});
});
