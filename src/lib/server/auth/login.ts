// Signing in with e-mail and password. Guessing is slowed per (account, client) and per client by
// login-throttle.ts, in PostgreSQL so the limits hold across nodes; nobody can lock an owner out.
import { AppError } from '../errors';
import type { Sql } from '../db/client';
import { findUserByEmail } from '../db/users';
import type { SessionUser } from './actor';
import { admitLogin } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './session';
import { generateToken } from './tokens';

export { TooManyAttempts } from './login-throttle';

const invalidMessage = 'Email atau kata sandi salah (invalid email or password).';

export interface LoginInput {
	email: string;
	password: string;
	ip: string;
	/** the clock, for tests */
	now?: Date;
}

export interface LoginResult {
	token: string;
	expiresAt: Date;
	user: SessionUser;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same, so the
// response time does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function login(sql: Sql, input: LoginInput): Promise<LoginResult> {
	const email = normaliseEmail(input.email);
	const pass = await admitLogin(sql, email, input.ip, input.now ?? new Date());

	const user = await findUserByEmail(sql, email);
	dummyHash ??= hashPassword(generateToken());
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
	if (!user || !valid || !user.active) throw new AppError(401, 'invalid_credentials', invalidMessage);

	await pass.succeeded(sql);
	const session = await createSession(sql, user.id);
	const { id, name, role, mppId } = user;
	return {
		token: session.token,
		expiresAt: session.expiresAt,
		user: { id, email: user.email, name, role, mppId }
	};
}
