// The doors of issue 6's invitations and revoked devices over HTTP, against the production build: the
// public /invite/<token> page in every state (never a 500), choosing a password there signs the person
// in; /admin/people is the superadmin's alone; a revoked TV's page says it was revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src/lib/server/admin/devices';
import { invitePerson } from '../../src/lib/server/admin/people';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, mppAdminActor, type MppFixture, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const admin = () => mppAdminActor(jkt);

const page = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${app.url}${path}`, { redirect: 'manual', headers: { cookie: 'lang=id', ...headers } });

/** A plain HTML form post (no JavaScript), as a phone's browser might send it. */
const submit = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: app.url,
			// a browser's form post; fetch's */* would be answered as an enhanced form's JSON
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie: 'lang=id',
			...headers
		},
		body: new URLSearchParams(fields)
	});

/** What SvelteKit's enhanced form sends: the answer is the action's own JSON, with its status. */
const enhanced = { accept: 'application/json', 'x-sveltekit-action': 'true' };

async function invite(email: string) {
	const { value } = await invitePerson(db.sql, admin(), jkt.id, {
		name: 'Wulan Sari',
		email,
		role: 'supervisor'
	});
	return value.link.token;
}

describe('/invite/<token>', () => {
	it('explains an unknown, expired or used link in words, never a 500', async () => {
		const unknown = await page('/invite/tidak-ada-tautan-ini');
		expect(unknown.status).toBe(200);
		expect(await unknown.text()).toContain('Tautan ini tidak dikenal');

		const token = await invite('wulan.kedaluwarsa@uji.test');
		await db.sql`UPDATE password_links SET expires_at = now() - interval '1 minute' WHERE id = ${hashToken(token)}`;
		const expired = await page(`/invite/${token}`);
		expect(expired.status).toBe(200);
		expect(await expired.text()).toContain('Tautan ini sudah kedaluwarsa');
		const late = await submit(
			`/invite/${token}`,
			{ password: 'sandi-wulan-123', confirm: 'sandi-wulan-123' },
			enhanced
		);
		expect(JSON.parse(await late.text())).toMatchObject({ type: 'failure', status: 409 });
	});

	it('refuses a short or mismatched password by field (422), then signs the person in', async () => {
		const token = await invite('wulan@uji.test');
		const open = await page(`/invite/${token}`);
		expect(await open.text()).toContain('Selamat datang, Wulan Sari');

		const short = await submit(`/invite/${token}`, { password: 'pendek', confirm: 'pendek' }, enhanced);
		expect(JSON.parse(await short.text())).toMatchObject({ type: 'failure', status: 422 });
		// the form without JavaScript shows the same message on the page
		const plain = await submit(`/invite/${token}`, { password: 'pendek', confirm: 'pendek' });
		expect(plain.status).toBeLessThan(500);
		expect(await plain.text()).toContain('Kata sandi paling sedikit 10 karakter.');
		const mismatch = await submit(
			`/invite/${token}`,
			{ password: 'sandi-wulan-123', confirm: 'sandi-wulan-124' },
			enhanced
		);
		const answer = await mismatch.text();
		expect(JSON.parse(answer)).toMatchObject({ type: 'failure', status: 422 });
		expect(answer).toContain('Kedua kata sandi tidak sama.');

		const accepted = await submit(`/invite/${token}`, {
			password: 'sandi-wulan-123',
			confirm: 'sandi-wulan-123'
		});
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe(`/manage/${jkt.slug}`);
		const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
		expect(cookie).toMatch(/HttpOnly/i);
		const home = await page(`/manage/${jkt.slug}`, { cookie: cookie.split(';')[0] });
		expect(home.status).toBe(200);
		expect(await home.text()).toContain('Wulan Sari');

		const again = await page(`/invite/${token}`);
		expect(await again.text()).toContain('Tautan ini sudah dipakai');
	});
});

describe('/admin/people', () => {
	it('is the superadmin’s alone; an MPP’s admin is refused in words and cannot post to it', async () => {
		const superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
		expect((await page('/admin/people', { authorization: `Bearer ${superadmin}` })).status).toBe(200);
		const mppAdmin = await signIn(app.url, jkt.users.mpp_admin.email, PASSWORD);
		const refused = await page('/admin/people', { authorization: `Bearer ${mppAdmin}` });
		expect(refused.status).toBe(403);
		const posted = await submit(
			'/admin/people?/create',
			{ name: 'Budi', email: 'budi.http@uji.test', role: 'superadmin', mode: 'invite' },
			{ authorization: `Bearer ${mppAdmin}`, ...enhanced }
		);
		expect(JSON.parse(await posted.text())).toMatchObject({ type: 'failure', status: 403 });
		const [{ count }] =
			await db.sql`SELECT count(*)::int AS count FROM users WHERE email = 'budi.http@uji.test'`;
		expect(count).toBe(0);
	});
});

describe('a revoked TV', () => {
	it('is told it was revoked, and its stale cookie is cleared', async () => {
		const { id, token } = jkt.devices.display;
		expect((await page(`/display/${jkt.slug}`, { cookie: `${DEVICE_COOKIE}=${token}` })).status).toBe(200);
		await revokeDevice(db.sql, admin(), jkt.id, id);
		const revoked = await page(`/display/${jkt.slug}`, { cookie: `${DEVICE_COOKIE}=${token}` });
		expect(revoked.status).toBe(403);
		expect(await revoked.text()).toContain('Perangkat ini dicabut — pasangkan ulang');
		expect(revoked.headers.getSetCookie().some((c) => c.startsWith(`${DEVICE_COOKIE}=;`))).toBe(true);
		// a browser that was never paired still sees "not paired"
		const never = await page(`/display/${jkt.slug}`);
		expect(await never.text()).not.toContain('Perangkat ini dicabut');
	});
});
