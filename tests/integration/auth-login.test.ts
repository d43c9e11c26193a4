// Signing in with e-mail and password against real PostgreSQL: answers, rate limit, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, TooManyAttempts } from '../../src/lib/server/auth/login';
import { accountPrefix } from '../../src/lib/server/auth/login-throttle';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { AppError } from '../../src/lib/server/errors';
import { clientKey } from '../../src/lib/server/throttle/client-key';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});
afterAll(() => db.drop());

async function failure(promise: Promise<unknown>): Promise<AppError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('login', () => {
	it('signs in with the right password and returns a working session token', async () => {
		const operator = world.mpps[0].users.operator;
		const result = await login(db.sql, { email: operator.email, password: PASSWORD, ip: '10.0.0.1' });
		expect(result.user).toEqual({
			id: operator.id,
			email: operator.email,
			name: 'operator jakarta-uji',
			role: 'operator',
			mppId: world.mpps[0].id
		});
		expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
		const session = await validateSessionToken(db.sql, result.token);
		expect(session?.user.id).toBe(operator.id);
	});

	it('accepts the e-mail address in any case and with stray spaces', async () => {
		const result = await login(db.sql, { email: '  SUPER@Uji.Test ', password: PASSWORD, ip: '10.0.0.1' });
		expect(result.user.role).toBe('superadmin');
		expect(result.user.mppId).toBeNull();
	});

	it('answers a wrong password and an unknown e-mail with the same 401', async () => {
		const wrongPassword = await failure(
			login(db.sql, { email: world.ministry.email, password: 'salah-sekali', ip: '10.0.0.2' })
		);
		const unknownEmail = await failure(
			login(db.sql, { email: 'nobody@uji.test', password: PASSWORD, ip: '10.0.0.2' })
		);
		expect(wrongPassword.status).toBe(401);
		expect(wrongPassword.code).toBe('invalid_credentials');
		expect(unknownEmail.status).toBe(401);
		expect(unknownEmail.code).toBe(wrongPassword.code);
		expect(unknownEmail.message).toBe(wrongPassword.message);
	});

	it('refuses a deactivated user with the same 401, even with the right password', async () => {
		const supervisor = world.mpps[1].users.supervisor;
		await db.sql`UPDATE users SET active = false WHERE id = ${supervisor.id}`;
		const error = await failure(
			login(db.sql, { email: supervisor.email, password: PASSWORD, ip: '10.0.0.3' })
		);
		expect(error.status).toBe(401);
		expect(error.code).toBe('invalid_credentials');
		await db.sql`UPDATE users SET active = true WHERE id = ${supervisor.id}`;
	});
});

describe('login throttle', () => {
	const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 8, 0, seconds));
	const wrong = (email: string, ip: string, now?: Date) =>
		failure(login(db.sql, { email, password: 'salah-sekali', ip, now }));

	it('lets the owner sign in from another client after twenty failures from one client', async () => {
		const email = world.mpps[0].users.mpp_admin.email;
		for (let i = 0; i < 20; i++)
			await failure(login(db.sql, { email, password: `salah-${i}`, ip: '10.1.0.1' }));
		const owner = await login(db.sql, { email, password: PASSWORD, ip: '10.1.0.2' });
		expect(owner.user.email).toBe(email);
		// and the guessing client is refused, with the reason
		const refused = await failure(login(db.sql, { email, password: PASSWORD, ip: '10.1.0.1' }));
		expect(refused.status).toBe(429);
		expect(refused.code).toBe('too_many_attempts');
		expect(refused).toBeInstanceOf(TooManyAttempts);
	});

	it("never locks out the owner with the right password because of another client's failures", async () => {
		const email = world.mpps[1].users.mpp_admin.email;
		for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3'])
			for (let i = 0; i < 8; i++) await failure(login(db.sql, { email, password: 'salah', ip }));
		const owner = await login(db.sql, { email, password: PASSWORD, ip: '10.2.0.9' });
		expect(owner.user.email).toBe(email);
	});

	it('slows one account on one client with delays that double, then lets the owner in once they pass', async () => {
		const email = world.mpps[0].users.supervisor.email;
		const ip = '10.3.0.1';
		// five free failures
		for (let i = 0; i < 5; i++) expect((await wrong(email, ip, at(0))).status).toBe(401);
		// then 2 s, 4 s, 8 s between tries
		let now = 0;
		for (const delay of [2, 4, 8]) {
			const early = await wrong(email, ip, at(now + delay - 1));
			expect(early.status, `${delay} s`).toBe(429);
			expect((early as TooManyAttempts).retryAfterSeconds).toBe(1);
			now += delay;
			expect((await wrong(email, ip, at(now))).status, `${delay} s`).toBe(401);
		}
		expect((await wrong(email, ip, at(now + 15))).status).toBe(429);
		const owner = await login(db.sql, { email, password: PASSWORD, ip, now: at(now + 16) });
		expect(owner.user.email).toBe(email);
		// a success starts the count again: five free failures
		for (let i = 0; i < 5; i++) expect((await wrong(email, ip, at(now + 17))).status).toBe(401);
	});

	it('caps the delay at fifteen minutes', async () => {
		const email = 'ghost@uji.test';
		const ip = '10.4.0.1';
		for (let i = 0; i < 5; i++) await wrong(email, ip, at(0));
		// as if forty failures had been made, the last one's delay over
		const key = `${accountPrefix(email)}${clientKey(ip)}`;
		await db.sql`UPDATE throttle_counters SET count = 40, blocked_until = NULL WHERE key = ${key}`;
		expect((await wrong(email, ip, at(10))).status).toBe(401);
		const refused = (await wrong(email, ip, at(11))) as TooManyAttempts;
		expect(refused.status).toBe(429);
		expect(refused.retryAfterSeconds).toBe(15 * 60 - 1);
		expect(refused.retryAfterMinutes).toBe(15);
	});

	it('holds the per-client limit exactly when thirty wrong logins for different e-mails arrive at once', async () => {
		const results = await Promise.allSettled(
			Array.from({ length: 30 }, (_, i) =>
				login(db.sql, { email: `guess${i}@uji.test`, password: 'x', ip: '10.5.0.1' })
			)
		);
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).status : 200));
		expect(statuses.filter((s) => s === 401)).toHaveLength(20);
		expect(statuses.filter((s) => s === 429)).toHaveLength(10);
		// another client is not affected
		const elsewhere = await login(db.sql, {
			email: world.ministry.email,
			password: PASSWORD,
			ip: '10.5.0.2'
		});
		expect(elsewhere.user.role).toBe('ministry');
	});

	it('lets no more than five guesses of one account through when they arrive at once from one client', async () => {
		const email = world.mpps[1].users.operator.email;
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) => login(db.sql, { email, password: `salah-${i}`, ip: '10.6.0.1' }))
		);
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).status : 200));
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(7);
	});

	it('does not use up a busy office address with correct sign-ins', async () => {
		for (let i = 0; i < 30; i++) {
			await login(db.sql, {
				email: world.mpps[1].users.supervisor.email,
				password: PASSWORD,
				ip: '10.7.0.1'
			});
		}
		expect((await wrong('someone@uji.test', '10.7.0.1')).status).toBe(401);
	});

	it('counts IPv6 clients per /64', async () => {
		for (let i = 0; i < 20; i++) await wrong(`v6guess${i}@uji.test`, `2001:db8:7:1::${i.toString(16)}`);
		// a fresh address in the same /64 is the same client
		expect((await wrong('v6next@uji.test', '2001:db8:7:1:ffff::1')).status).toBe(429);
		expect((await wrong('v6next@uji.test', '2001:db8:7:2::1')).status).toBe(401);
	});

	it('opens the client again once its window is over', async () => {
		await db.sql`UPDATE throttle_counters SET window_start = window_start - interval '16 minutes'`;
		expect((await wrong('v6next@uji.test', '2001:db8:7:1::1')).status).toBe(401);
	});
});
