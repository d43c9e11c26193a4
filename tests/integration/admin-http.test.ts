// The administration's doors over HTTP against the production build: who may open /admin pages, and a
// form action that refuses bad input field by field (422, in the reader's language) or saves and
// publishes. The rules themselves are tested in admin-config.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listServiceRows } from '../../src/lib/server/db/catalogue-edits';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const get = (path: string, token?: string) =>
	fetch(`${app.url}${path}`, {
		redirect: 'manual',
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});

/** A form action as the browser's enhanced form sends it. */
const post = (path: string, token: string, fields: [string, string][], lang = 'id') =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			authorization: `Bearer ${token}`,
			origin: app.url,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true',
			cookie: `lang=${lang}`
		},
		body: new URLSearchParams(fields)
	});

describe('/admin pages', () => {
	it('sends someone not signed in to the login page', async () => {
		const response = await get(`/admin/${world.mpps[0].slug}/services`);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toContain('/login?redirectTo=');
	});

	it('opens for the superadmin and the MPP’s own admin; refuses its other staff and other MPPs, in words', async () => {
		const [a, b] = world.mpps;
		for (const email of [world.superadmin.email, a.users.mpp_admin.email]) {
			for (const tab of ['', '/services', '/counters', '/audit']) {
				const response = await get(`/admin/${a.slug}${tab}`, await signIn(app.url, email, PASSWORD));
				expect(response.status, `${email} ${tab}`).toBe(200);
			}
		}
		for (const email of [
			b.users.mpp_admin.email,
			a.users.supervisor.email,
			a.users.operator.email,
			world.ministry.email
		]) {
			const response = await get(`/admin/${a.slug}/services`, await signIn(app.url, email, PASSWORD));
			expect(response.status, email).toBe(403);
			expect(await response.text()).toContain('Halaman ini hanya untuk pengelola MPP tersebut');
		}
		// the MPP list is the superadmin's; an MPP's admin is sent to their own
		const own = await get('/admin', await signIn(app.url, a.users.mpp_admin.email, PASSWORD));
		expect(own.status).toBe(303);
		expect(own.headers.get('location')).toBe(`/admin/${a.slug}`);
	});
});

describe('a form action', () => {
	const service = (prefix: string): [string, string][] => [
		['name', 'Legalisir'],
		['tenantId', ''],
		['prefix', prefix],
		['code', 'LEGALISIR'],
		['targetWaitMinutes', '30'],
		['dailyQuota', ''],
		['cutoffMinutes', '60']
	];

	it('refuses bad input with a message per field, saves nothing, and answers in English too', async () => {
		const [a] = world.mpps;
		const token = await signIn(app.url, a.users.mpp_admin.email, PASSWORD);
		const response = await post(`/admin/${a.slug}/services?/createService`, token, service('A'));
		const body = (await response.json()) as { type: string; status: number; data: string };
		expect(body.type).toBe('failure');
		expect(body.status).toBe(422);
		expect(body.data).toContain('Pilihan ini tidak tersedia.');
		const english = await post(`/admin/${a.slug}/services?/createService`, token, service('1'), 'en');
		const data = ((await english.json()) as { data: string }).data;
		expect(data).toContain('A prefix is one or two letters');
		expect((await listServiceRows(db.sql, a.id)).some((s) => s.code === 'LEGALISIR')).toBe(false);
	});

	it("refuses another MPP's admin, and saves for the MPP's own", async () => {
		const [a, b] = world.mpps;
		const tenantId = (await listServiceRows(db.sql, a.id)).find((s) => s.id === a.services.a)!.tenantId;
		const fields: [string, string][] = [
			...service('L').filter(([k]) => k !== 'tenantId'),
			['tenantId', tenantId],
			['counterIds', a.counters.one]
		];
		const other = await post(
			`/admin/${a.slug}/services?/createService`,
			await signIn(app.url, b.users.mpp_admin.email, PASSWORD),
			fields
		);
		expect(((await other.json()) as { status: number }).status).toBe(403);
		const own = await post(
			`/admin/${a.slug}/services?/createService`,
			await signIn(app.url, a.users.mpp_admin.email, PASSWORD),
			fields
		);
		expect(((await own.json()) as { type: string }).type).toBe('redirect');
		const saved = (await listServiceRows(db.sql, a.id)).find((s) => s.code === 'LEGALISIR');
		expect(saved).toMatchObject({ prefix: 'L', counterIds: [a.counters.one] });
	});
});
