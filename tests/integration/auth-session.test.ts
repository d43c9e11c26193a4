// Sessions and actor resolution against real PostgreSQL: expiry, sliding renewal, deactivation,
// bearer and cookie tokens of people and paired devices.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, resolveActor } from '../../src/lib/server/auth/resolve';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	purgeExpiredSessions,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { startSessionPurge } from '../../server/session-purge';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const DAY = 24 * 3600 * 1000;
let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});
afterAll(() => db.drop());

async function setExpiry(token: string, expiresAt: Date) {
	await db.sql`UPDATE sessions SET expires_at = ${expiresAt} WHERE id = ${hashToken(token)}`;
}

describe('sessions', () => {
	it('stores only the hash of the token and validates the token to its user', async () => {
		const admin = world.mpps[0].users.mpp_admin;
		const { token, expiresAt } = await createSession(db.sql, admin.id);
		const rows = await db.sql`SELECT id FROM sessions WHERE user_id = ${admin.id}`;
		expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
		const session = await validateSessionToken(db.sql, token);
		expect(session).toMatchObject({
			user: { id: admin.id, email: admin.email, role: 'mpp_admin', mppId: world.mpps[0].id },
			expiresAt,
			renewed: false
		});
		expect(
			await validateSessionToken(db.sql, token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x'))
		).toBeNull();
	});

	it('extends a session used with less than 15 days left to 30 days again', async () => {
		const { token } = await createSession(db.sql, world.mpps[0].users.supervisor.id);
		await setExpiry(token, new Date(Date.now() + 10 * DAY));
		const session = await validateSessionToken(db.sql, token);
		expect(session?.renewed).toBe(true);
		expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
		const [row] = await db.sql`SELECT expires_at FROM sessions WHERE id = ${hashToken(token)}`;
		expect((row.expires_at as Date).getTime()).toBe(session!.expiresAt.getTime());
		// with 20 days left nothing changes
		await setExpiry(token, new Date(Date.now() + 20 * DAY));
		expect((await validateSessionToken(db.sql, token))?.renewed).toBe(false);
	});

	it('treats an expired session as signed out and removes it', async () => {
		const { token } = await createSession(db.sql, world.mpps[0].users.operator.id);
		await setExpiry(token, new Date(Date.now() - 1000));
		expect(await validateSessionToken(db.sql, token)).toBeNull();
		expect(await resolveActor(db.sql, { sessionToken: token })).toEqual({ kind: 'anonymous' });
		const rows = await db.sql`SELECT 1 FROM sessions WHERE id = ${hashToken(token)}`;
		expect(rows).toHaveLength(0);
	});

	it('signs a deactivated user out of an existing session', async () => {
		const supervisor = world.mpps[1].users.supervisor;
		const { token } = await createSession(db.sql, supervisor.id);
		await db.sql`UPDATE users SET active = false WHERE id = ${supervisor.id}`;
		expect(await resolveActor(db.sql, { sessionToken: token })).toEqual({ kind: 'anonymous' });
		await db.sql`UPDATE users SET active = true WHERE id = ${supervisor.id}`;
		expect((await resolveActor(db.sql, { sessionToken: token })).kind).toBe('user');
	});

	it('logs out one session, or every session of a user', async () => {
		const operator = world.mpps[1].users.operator;
		const phone = await createSession(db.sql, operator.id);
		const desk = await createSession(db.sql, operator.id);
		const laptop = await createSession(db.sql, operator.id);
		await invalidateSession(db.sql, phone.sessionId);
		expect(await validateSessionToken(db.sql, phone.token)).toBeNull();
		expect(await validateSessionToken(db.sql, desk.token)).not.toBeNull();
		expect(await invalidateUserSessions(db.sql, operator.id)).toBe(2);
		expect(await validateSessionToken(db.sql, desk.token)).toBeNull();
		expect(await validateSessionToken(db.sql, laptop.token)).toBeNull();
	});
});

describe('absolute lifetime and purge', () => {
	const signedInAgo = (token: string, days: number) =>
		db.sql`UPDATE sessions SET created_at = now() - ${days} * interval '1 day' WHERE id = ${hashToken(token)}`;
	const exists = async (token: string) =>
		(await db.sql`SELECT 1 FROM sessions WHERE id = ${hashToken(token)}`).length === 1;

	it('refuses a session 30 days after sign-in even when it was just used and renewed', async () => {
		const { token } = await createSession(db.sql, world.mpps[0].users.operator.id);
		await signedInAgo(token, 31);
		await setExpiry(token, new Date(Date.now() + 25 * DAY));
		expect(await validateSessionToken(db.sql, token)).toBeNull();
		expect(await resolveActor(db.sql, { authorization: `Bearer ${token}` })).toEqual({ kind: 'anonymous' });
		expect(await exists(token)).toBe(false);
	});

	it('never renews past 30 days after sign-in', async () => {
		const { token } = await createSession(db.sql, world.mpps[0].users.operator.id);
		await signedInAgo(token, 25);
		await setExpiry(token, new Date(Date.now() + 2 * DAY));
		const session = await validateSessionToken(db.sql, token);
		expect(session).not.toBeNull();
		expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 5 * DAY + 1000);
		expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 4 * DAY);
	});

	it('purges expired and too old sessions, and keeps live ones', async () => {
		const user = world.mpps[1].users.mpp_admin.id;
		const [expired, old, live] = [
			await createSession(db.sql, user),
			await createSession(db.sql, user),
			await createSession(db.sql, user)
		];
		await setExpiry(expired.token, new Date(Date.now() - 1000));
		await signedInAgo(old.token, 40);
		expect(await purgeExpiredSessions(db.sql)).toBeGreaterThanOrEqual(2);
		expect([await exists(expired.token), await exists(old.token), await exists(live.token)]).toEqual([
			false,
			false,
			true
		]);
	});

	it("removes a user's expired sessions when that user signs in again", async () => {
		const user = world.mpps[1].users.supervisor.id;
		const expired = await createSession(db.sql, user);
		await setExpiry(expired.token, new Date(Date.now() - 1000));
		await createSession(db.sql, user);
		expect(await exists(expired.token)).toBe(false);
	});

	it('the server purges at start and stops its timer with the server', async () => {
		const expired = await createSession(db.sql, world.mpps[1].users.operator.id);
		await setExpiry(expired.token, new Date(Date.now() - 1000));
		const server = new EventEmitter();
		const purge = startSessionPurge(server, { db: () => db.sql, everyMs: 3_600_000 });
		expect(await purge.first).toBeGreaterThanOrEqual(1);
		expect(await exists(expired.token)).toBe(false);
		expect(server.listenerCount('close')).toBe(1);
		server.emit('close');
	});
});

describe('resolveActor', () => {
	it('resolves a bearer session token to the signed-in user', async () => {
		const { token, sessionId } = await createSession(db.sql, world.superadmin.id);
		const actor = await resolveActor(db.sql, { authorization: `Bearer ${token}` });
		expect(actor).toEqual({
			kind: 'user',
			sessionId,
			user: {
				id: world.superadmin.id,
				email: world.superadmin.email,
				name: 'Super Admin',
				role: 'superadmin',
				mppId: null
			}
		});
	});

	it('resolves a bearer device token to its device and MPP, and records that it was seen', async () => {
		const kiosk = world.mpps[1].devices.kiosk;
		const actor = await resolveActor(db.sql, { authorization: `bearer ${kiosk.token}` });
		expect(actor).toEqual({
			kind: 'device',
			device: { id: kiosk.id, mppId: world.mpps[1].id, kind: 'kiosk', name: 'kiosk makassar-uji' }
		});
		const [row] = await db.sql`SELECT last_seen_at FROM devices WHERE id = ${kiosk.id}`;
		expect(row.last_seen_at).toBeInstanceOf(Date);
	});

	it('resolves the device cookie of a paired TV', async () => {
		const display = world.mpps[0].devices.display;
		const actor = await resolveActor(db.sql, { deviceToken: display.token });
		expect(actor).toMatchObject({
			kind: 'device',
			device: { id: display.id, kind: 'display', mppId: world.mpps[0].id }
		});
	});

	it('treats a revoked device as anonymous', async () => {
		const display = world.mpps[1].devices.display;
		await db.sql`UPDATE devices SET revoked_at = now() WHERE id = ${display.id}`;
		expect(await resolveActor(db.sql, { deviceToken: display.token })).toEqual({ kind: 'anonymous' });
		expect(await resolveActor(db.sql, { authorization: `Bearer ${display.token}` })).toEqual({
			kind: 'anonymous'
		});
		const auth = await authenticate(db.sql, { deviceToken: display.token });
		expect(auth.staleDeviceCookie).toBe(true);
	});

	it('prefers the Authorization header, then the session cookie, then the device cookie', async () => {
		const operator = await createSession(db.sql, world.mpps[0].users.operator.id);
		const ministry = await createSession(db.sql, world.ministry.id);
		const display = world.mpps[0].devices.display;
		const both = { sessionToken: operator.token, deviceToken: display.token };
		const viaHeader = await resolveActor(db.sql, { ...both, authorization: `Bearer ${ministry.token}` });
		expect(viaHeader.kind === 'user' && viaHeader.user.role).toBe('ministry');
		const viaCookie = await resolveActor(db.sql, both);
		expect(viaCookie.kind === 'user' && viaCookie.user.role).toBe('operator');
		// a stale session cookie on a TV does not hide its device pairing
		await invalidateSession(db.sql, operator.sessionId);
		const auth = await authenticate(db.sql, both);
		expect(auth.actor.kind).toBe('device');
		expect(auth.staleSessionCookie).toBe(true);
	});

	it('answers anonymous for an unknown, malformed or foreign bearer token without trying cookies', async () => {
		const { token } = await createSession(db.sql, world.ministry.id);
		expect(await resolveActor(db.sql, { authorization: 'Bearer not-a-token' })).toEqual({
			kind: 'anonymous'
		});
		expect(await resolveActor(db.sql, { authorization: `Basic ${token}` })).toEqual({ kind: 'anonymous' });
		expect(await resolveActor(db.sql, { authorization: 'Bearer ', sessionToken: token })).toEqual({
			kind: 'anonymous'
		});
		expect(await resolveActor(db.sql, {})).toEqual({ kind: 'anonymous' });
	});

	it('reports a renewed cookie session so the door can refresh the cookie', async () => {
		const { token } = await createSession(db.sql, world.mpps[0].users.mpp_admin.id);
		await setExpiry(token, new Date(Date.now() + 2 * DAY));
		const auth = await authenticate(db.sql, { sessionToken: token });
		expect(auth.source).toBe('session_cookie');
		expect(auth.session?.renewed).toBe(true);
	});
});
