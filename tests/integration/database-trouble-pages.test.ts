// When PostgreSQL cannot answer, people and programs get a 503 that says so, never a 500 (issue 11):
// the database out of reach (here: the link to it cut) gives a page that reloads itself and a JSON
// `database_unavailable` with Retry-After; a statistics query past its statement timeout gives a page
// that suggests a shorter range and a JSON `database_timeout`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/lib/server/auth/session';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, type World } from '../helpers/fixtures';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let proxy: TcpProxy;
let cutOff: AppServer;
let slowStats: AppServer;
let cookie: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const url = new URL(db.url);
	proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
	url.host = `127.0.0.1:${proxy.port}`;
	[cutOff, slowStats] = await Promise.all([
		// new connections right away, so a cut link is noticed by the next request, not a pooled one
		startAppServer(url.toString(), { POOL_IDLE_TIMEOUT_S: '1' }),
		startAppServer(db.url, { STATS_TIMEOUT_MS: '500' })
	]);
	const { token } = await createSession(db.sql, world.mpps[0].users.mpp_admin.id);
	cookie = `antrean_session=${token}`;
}, 120_000);

afterAll(async () => {
	await Promise.all([cutOff?.stop(), slowStats?.stop()]);
	await proxy?.close();
	await db?.drop();
});

const page = (server: AppServer, path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });

describe('the database out of reach', () => {
	it('is a 503 page that reloads itself and a JSON 503 with Retry-After; both recover when it is back', async () => {
		const slug = world.mpps[0].slug;
		expect((await page(cutOff, `/manage/${slug}`)).status).toBe(200);
		proxy.cut();
		try {
			const html = await page(cutOff, `/manage/${slug}`);
			expect(html.status).toBe(503);
			expect(html.headers.get('retry-after')).toBe('3');
			const text = await html.text();
			expect(text).toContain('Sebentar lagi');
			expect(text).toContain('http-equiv="refresh"');
			const api = await page(cutOff, `/api/v1/mpps/${slug}/stats/live`);
			expect(api.status).toBe(503);
			expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(((await api.json()) as { error: { code: string } }).error.code).toBe('database_unavailable');
		} finally {
			proxy.restore();
		}
		const deadline = Date.now() + 10_000;
		let status = 0;
		while (Date.now() < deadline && (status = (await page(cutOff, `/manage/${slug}`)).status) !== 200) {
			await new Promise((r) => setTimeout(r, 200));
		}
		expect(status).toBe(200);
	});
});

describe('a statistics query past its statement timeout', () => {
	it('is a 503 page that suggests a shorter range, in the person’s language, and a JSON database_timeout', async () => {
		const slug = world.mpps[0].slug;
		const range = 'from=2026-01-01&to=2026-06-30';
		// a statistics read that cannot finish in time: the tickets it needs are locked meanwhile
		await db.sql.begin(async (tx) => {
			await tx`LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE`;
			const html = await page(slowStats, `/manage/${slug}/history?${range}`);
			expect(html.status).toBe(503);
			expect(html.headers.get('retry-after')).toBeNull();
			expect(await html.text()).toContain('rentang tanggal yang lebih pendek');
			const english = await fetch(`${slowStats.url}/manage/${slug}/history?${range}`, {
				headers: { cookie: `${cookie}; lang=en` }
			});
			expect(english.status).toBe(503);
			expect(await english.text()).toContain('shorter date range');
			const api = await page(slowStats, `/api/v1/mpps/${slug}/stats?${range}`);
			expect(api.status).toBe(503);
			expect(((await api.json()) as { error: { code: string } }).error.code).toBe('database_timeout');
		});
		// the same page answers once nothing holds it up, and the node lived through it all
		expect((await page(slowStats, `/manage/${slug}/history?${range}`)).status).toBe(200);
		expect((await fetch(`${slowStats.url}/healthz`)).status).toBe(200);
	});
});
