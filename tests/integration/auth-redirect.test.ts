// Open redirects through the production server: every door that sends a person "back" (sign-in page,
// sign-in form, language switch) only ever answers with a path of this site, after normalisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { formPoster } from '../helpers/form-post';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;
let cookie: string;

// each of these was answered `Location: //evil.example` (or another host) before the fix
const elsewhere = [
	'/.//evil.example',
	'/a/..//evil.example',
	'/%2e%2e//evil.example',
	'/%2E%2e/.//evil.example/x?y=1',
	'/./\\evil.example',
	'/.\\/evil.example',
	'//evil.example',
	'/\\evil.example',
	'https://evil.example/',
	'/\t/evil.example',
	'javascript:alert(1)'
];

const postForm = formPoster(() => app.url);

/** Where a Location header leads when a browser on this site follows it. */
const landsOn = (location: string | null) => new URL(location ?? '', app.url);

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	const login = await postForm('/login', { email: world.ministry.email, password: PASSWORD });
	const session = login.headers.getSetCookie().find((c) => c.startsWith('antrean_session='))!;
	cookie = session.split(';')[0];
});
afterAll(async () => {
	await app?.stop();
	await db.drop();
});

describe('redirect targets', () => {
	it('the sign-in page sends a signed-in person home instead of to another site', async () => {
		for (const target of elsewhere) {
			const response = await fetch(`${app.url}/login?${new URLSearchParams({ redirectTo: target })}`, {
				headers: { cookie },
				redirect: 'manual'
			});
			expect(response.status, target).toBe(303);
			expect(response.headers.get('location'), target).toBe('/ministry');
		}
	});

	it('the sign-in form sends the person home instead of to another site', async () => {
		for (const target of elsewhere) {
			const response = await postForm('/login', {
				email: world.ministry.email,
				password: PASSWORD,
				redirectTo: target
			});
			expect(response.status, target).toBe(303);
			expect(landsOn(response.headers.get('location')).origin, target).toBe(app.url);
			expect(response.headers.get('location'), target).toBe('/ministry');
		}
	});

	it('still returns to a page of this site, normalised', async () => {
		const response = await fetch(
			`${app.url}/login?${new URLSearchParams({ redirectTo: '/ministry/./trends?x=1' })}`,
			{ headers: { cookie }, redirect: 'manual' }
		);
		expect(response.headers.get('location')).toBe('/ministry/trends?x=1');
	});

	it('the language switch goes back to a page of this site only', async () => {
		for (const target of elsewhere) {
			const response = await postForm('/lang', { lang: 'en', redirectTo: target });
			expect(response.status, target).toBe(303);
			expect(response.headers.get('location'), target).toBe('/');
		}
	});
});
