// Who opens an MPP's manager dashboard, over HTTP against the production build (issue 4: "only that
// MPP's mpp_admin and supervisors, and superadmin"; issue 5: and the ministry, read-only): one check in
// the layout for every tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const get = (path: string, token?: string, lang?: string) =>
	fetch(`${app.url}${path}`, {
		redirect: 'manual',
		headers: {
			...(token ? { authorization: `Bearer ${token}` } : {}),
			...(lang ? { cookie: `lang=${lang}` } : {})
		}
	});

describe('/manage/<slug>', () => {
	it('sends someone not signed in to the login page, and back here afterwards', async () => {
		const [a] = world.mpps;
		const response = await get(`/manage/${a.slug}`);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/login?redirectTo=%2Fmanage%2F${a.slug}`);
	});

	it('opens for its own supervisor and manager, and for the superadmin, with the MPP and its counters', async () => {
		const [a] = world.mpps;
		for (const email of [a.users.supervisor.email, a.users.mpp_admin.email, world.superadmin.email]) {
			const response = await get(`/manage/${a.slug}`, await signIn(app.url, email, PASSWORD));
			expect(response.status, email).toBe(200);
			const html = await response.text();
			expect(html).toContain(`MPP ${a.slug}`);
			expect(html).toContain('Pemantauan langsung');
			expect(html).toContain('Loket 3');
			expect(html).toContain('KTP-el');
		}
	});

	it('refuses an operator of the MPP, in words', async () => {
		const [a] = world.mpps;
		const response = await get(`/manage/${a.slug}`, await signIn(app.url, a.users.operator.email, PASSWORD));
		expect(response.status).toBe(403);
		const html = await response.text();
		expect(html).toContain('Dasbor tidak dapat dibuka');
		expect(html).toContain('hanya untuk pengelola dan supervisor MPP tersebut');
		expect(html).not.toContain('Loket 3');
	});

	it("refuses another MPP's supervisor and manager, in Indonesian or English", async () => {
		const [a, b] = world.mpps;
		const supervisor = await signIn(app.url, b.users.supervisor.email, PASSWORD);
		const manager = await signIn(app.url, b.users.mpp_admin.email, PASSWORD);
		expect((await get(`/manage/${a.slug}`, supervisor)).status).toBe(403);
		expect((await get(`/manage/${a.slug}`, manager)).status).toBe(403);
		const english = await get(`/manage/${a.slug}`, supervisor, 'en');
		expect(english.status).toBe(403);
		expect(await english.text()).toContain("for that MPP's managers and supervisors only");
		// their own MPP opens
		expect((await get(`/manage/${b.slug}`, supervisor)).status).toBe(200);
	});

	it('opens read-only for the ministry, for every MPP (tests/integration/ministry-access.test.ts)', async () => {
		const ministry = await signIn(app.url, world.ministry.email, PASSWORD);
		for (const mpp of world.mpps) {
			const response = await get(`/manage/${mpp.slug}`, ministry);
			expect(response.status).toBe(200);
			expect(await response.text()).toContain('read-only-notice');
		}
	});

	it('never shows its own staff the read-only notice, and refuses a kiosk device', async () => {
		const [a] = world.mpps;
		const supervisor = await signIn(app.url, a.users.supervisor.email, PASSWORD);
		expect(await (await get(`/manage/${a.slug}`, supervisor)).text()).not.toContain('read-only-notice');
		expect((await get(`/manage/${a.slug}`, a.devices.kiosk.token)).status).toBe(403);
	});

	it('answers an unknown or malformed MPP with 404, never 500', async () => {
		const token = await signIn(app.url, world.superadmin.email, PASSWORD);
		expect((await get('/manage/tidak-ada', token)).status).toBe(404);
		expect((await get('/manage/BAD%20slug!', token)).status).toBe(404);
	});
});

describe('/manage', () => {
	it("sends a manager or supervisor to their own MPP's dashboard", async () => {
		const [, b] = world.mpps;
		const response = await get('/manage', await signIn(app.url, b.users.supervisor.email, PASSWORD));
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/manage/${b.slug}`);
	});

	it('lets the superadmin choose any MPP, and refuses an operator', async () => {
		const list = await get('/manage', await signIn(app.url, world.superadmin.email, PASSWORD));
		expect(list.status).toBe(200);
		const html = await list.text();
		for (const mpp of world.mpps) expect(html).toContain(`manage/${mpp.slug}"`);
		const operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
		expect((await get('/manage', operator)).status).toBe(403);
	});
});
