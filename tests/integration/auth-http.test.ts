// Sign-in and sign-out through the real production server: the JSON API, the /login and /logout
// forms (as a browser without JavaScript posts them), and the language switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { formPoster } from '../helpers/form-post';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db.drop();
});

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

const postForm = formPoster(() => app.url);

function cookieFrom(response: Response, name: string): { value: string; attributes: string } | undefined {
	const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
	if (!header) return undefined;
	const [pair, ...attributes] = header.split(';');
	return { value: pair.slice(name.length + 1), attributes: attributes.join(';').toLowerCase() };
}

describe('POST /api/v1/session', () => {
	it('returns a bearer token and the user, and sets the session cookie', async () => {
		const response = await postJson('/api/v1/session', { email: world.superadmin.email, password: PASSWORD });
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.user).toEqual({
			id: world.superadmin.id,
			email: world.superadmin.email,
			name: 'Super Admin',
			role: 'superadmin',
			mppId: null
		});
		const cookie = cookieFrom(response, 'antrean_session');
		expect(cookie?.value).toBe(body.token);
		expect(cookie?.attributes).toContain('httponly');
		expect(cookie?.attributes).toContain('samesite=lax');
		expect(cookie?.attributes).toContain('path=/');
		const mpps = await fetch(`${app.url}/api/v1/mpps`, {
			headers: { authorization: `Bearer ${body.token}` }
		});
		expect(mpps.status).toBe(200);
	});

	it('answers a wrong password and an unknown e-mail with the same 401 body', async () => {
		const wrong = await postJson('/api/v1/session', {
			email: world.ministry.email,
			password: 'salah-sekali'
		});
		const unknown = await postJson('/api/v1/session', { email: 'siapa@uji.test', password: PASSWORD });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		const body = await wrong.json();
		expect(body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
		expect(await unknown.json()).toEqual(body);
	});

	it('answers malformed JSON and wrong types with 400 and an error body', async () => {
		for (const body of ['{"email":', JSON.stringify({ email: 42, password: PASSWORD }), JSON.stringify([])]) {
			const response = await postJson('/api/v1/session', body);
			expect(response.status, body).toBe(400);
			const error = (await response.json()).error;
			expect(error.code, body).toMatch(/^(invalid_json|validation_failed)$/);
			expect(error.message, body).not.toBe('');
		}
	});

	it('slows guesses of one e-mail from one client with 429 and Retry-After', async () => {
		const email = world.mpps[1].users.supervisor.email;
		for (let i = 0; i < 5; i++) await postJson('/api/v1/session', { email, password: `salah-${i}` });
		const response = await postJson('/api/v1/session', { email, password: PASSWORD });
		expect(response.status).toBe(429);
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect((await response.json()).error.code).toBe('too_many_attempts');
	});

	it('DELETE signs the bearer session out', async () => {
		const login = await postJson('/api/v1/session', { email: world.ministry.email, password: PASSWORD });
		const { token } = await login.json();
		const auth = { authorization: `Bearer ${token}` };
		const out = await fetch(`${app.url}/api/v1/session`, { method: 'DELETE', headers: auth });
		expect(out.status).toBe(204);
		expect(await validateSessionToken(db.sql, token)).toBeNull();
		const after = await fetch(`${app.url}/api/v1/mpps`, { headers: auth });
		expect(after.status).toBe(401);
	});
});

describe('/login', () => {
	it('is in Indonesian, even for an English-language browser, and in English when chosen', async () => {
		const id = await (
			await fetch(`${app.url}/login`, { headers: { 'accept-language': 'en-US,en;q=0.9' } })
		).text();
		expect(id).toContain('Masuk ke Antrean');
		expect(id).toContain('Kata sandi');
		const en = await (await fetch(`${app.url}/login`, { headers: { cookie: 'lang=en' } })).text();
		expect(en).toContain('Sign in to Antrean');
		expect(en).toContain('Password');
	});

	it('signs an operator in and sends them to the counter console', async () => {
		const response = await postForm('/login', {
			email: world.mpps[0].users.operator.email,
			password: PASSWORD
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/counter');
		const token = cookieFrom(response, 'antrean_session')!.value;
		expect((await validateSessionToken(db.sql, token))?.user.role).toBe('operator');
	});

	it("sends an MPP manager to their own MPP's dashboard", async () => {
		const response = await postForm('/login', {
			email: world.mpps[1].users.mpp_admin.email,
			password: PASSWORD
		});
		expect(response.headers.get('location')).toBe('/manage/makassar-uji');
	});

	it('returns to a same-site redirectTo, and ignores one that leads elsewhere', async () => {
		const email = world.mpps[0].users.supervisor.email;
		const back = await postForm('/login', {
			email,
			password: PASSWORD,
			redirectTo: '/manage/jakarta-uji?day=1'
		});
		expect(back.headers.get('location')).toBe('/manage/jakarta-uji?day=1');
		const evil = await postForm('/login', { email, password: PASSWORD, redirectTo: '//evil.example/x' });
		expect(evil.headers.get('location')).toBe('/manage/jakarta-uji');
	});

	it('shows a clear error for a wrong password, keeping the e-mail filled in', async () => {
		const response = await postForm('/login', {
			email: world.mpps[0].users.mpp_admin.email,
			password: 'salah'
		});
		expect(response.status).toBe(401);
		const html = await response.text();
		expect(html).toContain('Email atau kata sandi salah.');
		expect(html).toContain(`value="${world.mpps[0].users.mpp_admin.email}"`);
		expect(cookieFrom(response, 'antrean_session')).toBeUndefined();
	});

	it('leaves Secure off the session cookie only for plain http on this machine', async () => {
		// (https and other hosts get Secure: see src/lib/server/auth/cookies.spec.ts)
		const local = await postForm('/login', { email: world.ministry.email, password: PASSWORD });
		expect(local.status).toBe(303);
		expect(cookieFrom(local, 'antrean_session')?.attributes).not.toContain('secure');
	});

	it('refuses a login form posted from another site', async () => {
		const response = await postForm(
			'/login',
			{ email: world.superadmin.email, password: PASSWORD },
			{ origin: 'https://evil.example' }
		);
		expect(response.status).toBe(403);
		expect(cookieFrom(response, 'antrean_session')).toBeUndefined();
	});

	it('sends someone already signed in straight to their start page', async () => {
		const login = await postForm('/login', { email: world.ministry.email, password: PASSWORD });
		const token = cookieFrom(login, 'antrean_session')!.value;
		const again = await fetch(`${app.url}/login`, {
			headers: { cookie: `antrean_session=${token}` },
			redirect: 'manual'
		});
		expect(again.status).toBe(303);
		expect(again.headers.get('location')).toBe('/ministry');
	});
});

describe('/logout and /lang', () => {
	it('asks before signing out, then ends the session and clears the cookie', async () => {
		const login = await postForm('/login', { email: world.mpps[1].users.operator.email, password: PASSWORD });
		const token = cookieFrom(login, 'antrean_session')!.value;
		const cookie = { cookie: `antrean_session=${token}` };
		const page = await (await fetch(`${app.url}/logout`, { headers: cookie })).text();
		expect(page).toContain('Keluar dari Antrean di perangkat ini?');
		expect(page).toContain('operator makassar-uji');
		const out = await postForm('/logout', {}, cookie);
		expect(out.status).toBe(303);
		expect(out.headers.get('location')).toBe('/login?signedOut');
		expect(cookieFrom(out, 'antrean_session')?.attributes).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
		expect(await validateSessionToken(db.sql, token)).toBeNull();
	});

	it('remembers the chosen language and goes back to the page', async () => {
		const response = await postForm('/lang', { lang: 'en', redirectTo: '/login?redirectTo=%2Fcounter' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fcounter');
		const lang = cookieFrom(response, 'lang')!;
		expect(lang.value).toBe('en');
		const html = await (
			await fetch(`${app.url}/login`, { headers: { cookie: 'lang=en', 'accept-language': 'id-ID' } })
		).text();
		expect(html).toContain('Sign in to Antrean');
	});
});
