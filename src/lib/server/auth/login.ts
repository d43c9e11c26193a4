// Signing in with e-mail and password, rate-limited in PostgreSQL so the limit holds across nodes.
import { AppError } from '../errors';
import type { Sql } from '../db/client';
import {
	attemptsBelowLimitAt,
	deleteAttempts,
	insertAttempt,
	lockAttemptKey,
	pruneAttempts
} from '../db/login-attempts';
import { findUserByEmail } from '../db/users';
import type { SessionUser } from './actor';
import { hashPassword, verifyPassword } from './password';
import { createSession } from './session';
import { generateToken, hashToken } from './tokens';

export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** Failed attempts allowed per e-mail address within the window. */
export const EMAIL_ATTEMPT_LIMIT = 5;
/** Failed attempts allowed per client address within the window; MPP staff often share one NAT address. */
export const IP_ATTEMPT_LIMIT = 20;

const invalidMessage = 'Email atau kata sandi salah (invalid email or password).';

/** A 429 that knows when the caller may try again (for the Retry-After header and the login page). */
export class TooManyAttempts extends AppError {
	constructor(readonly retryAfterSeconds: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
		super(
			429,
			'too_many_attempts',
			`Terlalu banyak percobaan masuk. Coba lagi dalam ${minutes} menit (too many attempts, retry in ${minutes} min).`
		);
	}

	get retryAfterMinutes(): number {
		return Math.max(1, Math.ceil(this.retryAfterSeconds / 60));
	}
}

export interface LoginInput {
	email: string;
	password: string;
	ip: string;
}

export interface LoginResult {
	token: string;
	expiresAt: Date;
	user: SessionUser;
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/** Keys are hashed: the table should not become a list of typed addresses (UU 27/2022). */
export function emailAttemptKey(email: string): string {
	return `email:${hashToken(normaliseEmail(email))}`;
}

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same, so the
// response time does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function login(sql: Sql, input: LoginInput): Promise<LoginResult> {
	const email = normaliseEmail(input.email);
	const emailKey = emailAttemptKey(email);
	const ipKey = `ip:${hashToken(input.ip)}`;

	await sql.begin(async (tx) => {
		await lockAttemptKey(tx, emailKey);
		const until =
			(await attemptsBelowLimitAt(tx, emailKey, EMAIL_ATTEMPT_LIMIT, LOGIN_WINDOW_SECONDS)) ??
			(await attemptsBelowLimitAt(tx, ipKey, IP_ATTEMPT_LIMIT, LOGIN_WINDOW_SECONDS));
		if (until) throw new TooManyAttempts(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)));
		// Recorded before the password is checked, under the lock, so parallel guesses cannot slip past
		// the limit; a success removes it again.
		await insertAttempt(tx, emailKey);
	});

	if (Math.random() < 0.02) await pruneAttempts(sql, LOGIN_WINDOW_SECONDS);

	const user = await findUserByEmail(sql, email);
	dummyHash ??= hashPassword(generateToken());
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
	if (!user || !valid || !user.active) {
		await insertAttempt(sql, ipKey);
		throw new AppError(401, 'invalid_credentials', invalidMessage);
	}

	await deleteAttempts(sql, emailKey);
	const session = await createSession(sql, user.id);
	const { id, name, role, mppId } = user;
	return {
		token: session.token,
		expiresAt: session.expiresAt,
		user: { id, email: user.email, name, role, mppId }
	};
}
