// Security headers on every answer of the production build (issue 10 item 8): SvelteKit's CSP with a
// fresh nonce on pages, Permissions-Policy everywhere, and HSTS only when the public ORIGIN is https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let plain: AppServer;
let tls: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	await createWorld(db.sql);
	[plain, tls] = await Promise.all([
		startAppServer(db.url),
		// behind a TLS proxy the app itself still listens on plain http; ORIGIN says what the public sees
		startAppServer(db.url, { ORIGIN: 'https://antrean.example.go.id' })
	]);
});
afterAll(async () => {
	await Promise.all([plain?.stop(), tls?.stop()]);
	await db?.drop();
});

const paths = ['/login', '/api/v1/mpps', '/healthz', '/readyz', '/no-such-page'];

describe('security headers', () => {
	it('pages carry a Content-Security-Policy with a nonce that changes per response', async () => {
		const policy = async () =>
			(await fetch(`${plain.url}/login`)).headers.get('content-security-policy') ?? '';
		const [first, second] = [await policy(), await policy()];
		for (const directive of [
			"default-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"frame-ancestors 'self'",
			"form-action 'self'",
			"connect-src 'self'",
			"img-src 'self' data: blob:"
		])
			expect(first).toContain(directive);
		expect(first).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(first).not.toMatch(/script-src[^;]*unsafe-inline/);
		const nonce = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
		expect(nonce(first)).not.toBe(nonce(second));
	});

	it('sends Permissions-Policy everywhere and HSTS only when ORIGIN is https', async () => {
		for (const path of paths) {
			const overHttp = await fetch(`${plain.url}${path}`, { redirect: 'manual' });
			const overHttps = await fetch(`${tls.url}${path}`, { redirect: 'manual' });
			for (const response of [overHttp, overHttps]) {
				expect(response.headers.get('permissions-policy'), path).toMatch(
					/camera=\(\).*microphone=\(\).*geolocation=\(\)/
				);
				expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			}
			expect(overHttp.headers.get('strict-transport-security'), path).toBeNull();
			expect(overHttps.headers.get('strict-transport-security'), path).toBe(
				'max-age=31536000; includeSubDomains'
			);
		}
	});
});
