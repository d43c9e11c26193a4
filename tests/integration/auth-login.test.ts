// Signing in with e-mail and password against real PostgreSQL: answers, rate limit, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, TooManyAttempts } from '../../src/lib/server/auth/login';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { AppError } from '../../src/lib/server/errors';
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

describe('login rate limit', () => {
	it('blocks an e-mail after five failures, even with the right password, and says when to retry', async () => {
		const email = world.mpps[0].users.mpp_admin.email;
		for (let i = 0; i < 5; i++) {
			expect((await failure(login(db.sql, { email, password: `salah-${i}`, ip: '10.1.0.1' }))).status).toBe(
				401
			);
		}
		const blocked = await failure(login(db.sql, { email, password: PASSWORD, ip: '10.1.0.2' }));
		expect(blocked.status).toBe(429);
		expect(blocked.code).toBe('too_many_attempts');
		expect(blocked).toBeInstanceOf(TooManyAttempts);
		expect((blocked as TooManyAttempts).retryAfterMinutes).toBe(15);
		expect(blocked.message).toContain('15 menit');
		// other accounts are not affected
		await login(db.sql, { email: world.mpps[0].users.supervisor.email, password: PASSWORD, ip: '10.1.0.2' });
	});

	it('lets the e-mail in again once the failures are older than the window', async () => {
		const email = world.mpps[0].users.mpp_admin.email;
		await db.sql`UPDATE login_attempts SET at = at - interval '16 minutes'`;
		const result = await login(db.sql, { email, password: PASSWORD, ip: '10.1.0.3' });
		expect(result.user.email).toBe(email);
	});

	it('clears the failures of an e-mail after a successful login', async () => {
		const email = world.mpps[1].users.mpp_admin.email;
		for (let i = 0; i < 4; i++) await failure(login(db.sql, { email, password: 'salah', ip: '10.2.0.1' }));
		await login(db.sql, { email, password: PASSWORD, ip: '10.2.0.1' });
		// a fresh allowance of five failures: four more and a success still work
		for (let i = 0; i < 4; i++) await failure(login(db.sql, { email, password: 'salah', ip: '10.2.0.1' }));
		const result = await login(db.sql, { email, password: PASSWORD, ip: '10.2.0.1' });
		expect(result.user.email).toBe(email);
	});

	it('counts unknown e-mail addresses too, so the limit reveals nothing about accounts', async () => {
		for (let i = 0; i < 5; i++)
			await failure(login(db.sql, { email: 'ghost@uji.test', password: 'x', ip: '10.3.0.1' }));
		const error = await failure(login(db.sql, { email: 'ghost@uji.test', password: 'x', ip: '10.3.0.1' }));
		expect(error.status).toBe(429);
	});

	it('blocks one address after twenty failures across many e-mails', async () => {
		for (let i = 0; i < 20; i++) {
			await failure(login(db.sql, { email: `guess${i}@uji.test`, password: 'x', ip: '10.4.0.1' }));
		}
		const blocked = await failure(
			login(db.sql, { email: world.ministry.email, password: PASSWORD, ip: '10.4.0.1' })
		);
		expect(blocked.status).toBe(429);
		const elsewhere = await login(db.sql, {
			email: world.ministry.email,
			password: PASSWORD,
			ip: '10.4.0.2'
		});
		expect(elsewhere.user.role).toBe('ministry');
	});

	it('lets no more than five guesses through when they arrive at once', async () => {
		const email = world.mpps[1].users.operator.email;
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, (_, i) =>
				login(db.sql, { email, password: `salah-${i}`, ip: `10.5.0.${i}` })
			)
		);
		const statuses = results.map((r) => (r.status === 'rejected' ? (r.reason as AppError).status : 200));
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(7);
	});
});
