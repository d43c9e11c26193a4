// Edge tokens (issue 13, step 1) over HTTP against the production build: the MPP's admin creates one
// and sees it once; the edge's handshake accepts it; revoked or unknown, every edge endpoint says 401;
// another MPP's admin cannot create or revoke one; both changes are in the MPP's audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let jktAdmin: string;
let mksAdmin: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
	jktAdmin = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
	mksAdmin = await signIn(app.url, world.mpps[1].users.mpp_admin.email, PASSWORD);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const call = (path: string, token: string, body?: unknown) =>
	fetch(`${app.url}${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: {
			authorization: `Bearer ${token}`,
			...(body === undefined ? {} : { 'content-type': 'application/json', origin: app.url })
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});

describe('edge tokens', () => {
	it('an admin creates one, sees it once, and the edge is recognised until it is revoked', async () => {
		const slug = world.mpps[0].slug;
		const created = await call(`/api/v1/mpps/${slug}/edge-nodes`, jktAdmin, { name: 'Edge Lantai 1' });
		expect(created.status).toBe(201);
		const { node, token } = (await created.json()) as { node: { id: string; name: string }; token: string };
		expect(node.name).toBe('Edge Lantai 1');

		const listed = await (await call(`/api/v1/mpps/${slug}/edge-nodes`, jktAdmin)).json();
		expect(JSON.stringify(listed)).not.toContain(token);
		const [stored] = await db.sql`SELECT token_hash FROM edge_nodes WHERE id = ${node.id}`;
		expect(stored.token_hash).not.toBe(token);

		const hello = await call('/api/v1/edge/handshake', token);
		expect(hello.status).toBe(200);
		expect(await hello.json()).toMatchObject({ edgeNodeId: node.id, mpp: slug });

		// another MPP's admin may neither revoke it nor create one here
		expect((await call(`/api/v1/mpps/${slug}/edge-nodes/${node.id}/revoke`, mksAdmin, {})).status).toBe(403);
		expect((await call(`/api/v1/mpps/${slug}/edge-nodes`, mksAdmin, { name: 'x' })).status).toBe(403);

		const revoked = await call(`/api/v1/mpps/${slug}/edge-nodes/${node.id}/revoke`, jktAdmin, {});
		expect(await revoked.json()).toEqual({ revoked: true });
		const refused = await call('/api/v1/edge/handshake', token);
		expect(refused.status).toBe(401);
		expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('revoked');

		const audit = await db.sql`
			SELECT action FROM config_audit WHERE entity = 'edge_node' AND entity_id = ${node.id} ORDER BY at`;
		expect(audit.map((r) => r.action)).toEqual(['created', 'revoked']);
	});

	it('refuses an unknown token, a missing one, and a nameless edge', async () => {
		expect((await call('/api/v1/edge/handshake', 'abcdefghijklmnopqrstuvwxyz234567')).status).toBe(401);
		expect((await fetch(`${app.url}/api/v1/edge/handshake`)).status).toBe(401);
		const nameless = await call(`/api/v1/mpps/${world.mpps[0].slug}/edge-nodes`, jktAdmin, { name: '' });
		expect(nameless.status).toBe(422);
	});
});

describe('the admin page', () => {
	it('creates an edge token from the devices page, shows it once, and revokes it', async () => {
		const slug = world.mpps[0].slug;
		const action = (name: string, fields: Record<string, string>) =>
			fetch(`${app.url}/admin/${slug}/devices?/${name}`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${jktAdmin}`,
					origin: app.url,
					'content-type': 'application/x-www-form-urlencoded',
					'x-sveltekit-action': 'true',
					cookie: 'lang=en'
				},
				body: new URLSearchParams(fields)
			});
		const created = await action('createEdge', { name: 'Server Lantai Dasar' });
		const body = await created.text();
		const [row] = await db.sql`SELECT id FROM edge_nodes WHERE name = 'Server Lantai Dasar'`;
		const token = /\b([a-z2-7]{32})\b/.exec(body)?.[1];
		expect(token).toBeDefined();
		expect((await call('/api/v1/edge/handshake', token!)).status).toBe(200);

		const page = await (await call(`/admin/${slug}/devices`, jktAdmin)).text();
		expect(page).toContain('Server Lantai Dasar');
		expect(page).not.toContain(token);

		const nameless = (await (await action('createEdge', { name: '' })).json()) as {
			type: string;
			status: number;
		};
		expect(nameless).toMatchObject({ type: 'failure', status: 422 });
		await action('revokeEdge', { id: row.id });
		expect((await call('/api/v1/edge/handshake', token!)).status).toBe(401);
	});
});

describe('ANTREAN_MODE', () => {
	it('an edge server says hello to the centre with its token, and the centre records the contact', async () => {
		const slug = world.mpps[0].slug;
		const created = await call(`/api/v1/mpps/${slug}/edge-nodes`, jktAdmin, { name: 'Edge hidup' });
		const { node, token } = (await created.json()) as { node: { id: string }; token: string };
		const edgeDb = await createTestDatabase();
		const edge = await startAppServer(edgeDb.url, {
			ANTREAN_MODE: 'edge',
			ANTREAN_CENTRAL_URL: app.url,
			ANTREAN_EDGE_TOKEN: token,
			ANTREAN_EDGE_MPP: slug
		});
		try {
			await expect
				.poll(
					async () =>
						(await db.sql`SELECT last_seen_at FROM edge_nodes WHERE id = ${node.id}`)[0].last_seen_at,
					{
						timeout: 10_000
					}
				)
				.not.toBeNull();
			const [seen] = await db.sql`SELECT clock_skew_ms FROM edge_nodes WHERE id = ${node.id}`;
			// both processes read one clock, so the edge's stamp is never later than the centre's reading
			expect(seen.clock_skew_ms).toBeLessThanOrEqual(0);
		} finally {
			await edge.stop();
			await edgeDb.drop();
		}
	});

	it('an edge started without its centre and MPP stops at once and says what to set', async () => {
		const start = startAppServer(db.url, {
			ANTREAN_MODE: 'edge',
			ANTREAN_EDGE_TOKEN: 'abcdefghijklmnopqrstuvwxyz234567'
		});
		await expect(start).rejects.toThrow(/ANTREAN_CENTRAL_URL.*ANTREAN_EDGE_MPP/);
	});
});
