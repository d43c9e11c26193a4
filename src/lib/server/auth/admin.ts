// Accounts made outside the web UI: the first superadmin of a deployment, and a password reset
// for someone locked out. Used by server/cli/create-admin.ts.
import { z } from 'zod';
import type { Sql } from '../db/client';
import { deleteUserSessions } from '../db/sessions';
import { findUserByEmail, insertUser, setPasswordHash, type UserRow } from '../db/users';
import { badRequest, conflict, notFound } from '../errors';
import { normaliseEmail } from './login';
import { clearLoginDelays } from './login-throttle';
import { hashPassword } from './password';
import { isGuessablePassword } from './password-strength';

/** NIST SP 800-63B asks for at least 8; an account that can do everything gets a little more. */
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 1024;

/** Long enough and not on an attacker's first list; `personal` are the account's own e-mail and name. */
export async function checkNewPassword(password: string, personal: string[] = []): Promise<void> {
	if (password.length < PASSWORD_MIN_LENGTH) {
		throw badRequest(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`, 'weak_password');
	}
	if (password.length > PASSWORD_MAX_LENGTH) {
		throw badRequest(`The password must have at most ${PASSWORD_MAX_LENGTH} characters.`, 'invalid_password');
	}
	if (await isGuessablePassword(password, personal)) {
		throw badRequest(
			'The password is too easy to guess (a common password, a well-known word or name, or built from ' +
				'the e-mail or name). Use a short sentence only you would remember.',
			'weak_password'
		);
	}
}

export function checkEmail(email: string): string {
	const normalised = normaliseEmail(email);
	if (!z.email().safeParse(normalised).success || normalised.length > 254) {
		throw badRequest(`"${email}" is not a valid e-mail address.`, 'invalid_email');
	}
	return normalised;
}

export function checkName(name: string): string {
	const trimmed = name.trim();
	if (trimmed.length < 1 || trimmed.length > 200) throw badRequest('The name must have 1 to 200 characters.');
	return trimmed;
}

export async function createSuperadmin(
	sql: Sql,
	input: { email: string; name: string; password: string }
): Promise<UserRow> {
	const email = checkEmail(input.email);
	const name = checkName(input.name);
	await checkNewPassword(input.password, [email, name]);
	if (await findUserByEmail(sql, email)) {
		throw conflict(
			`A user with e-mail ${email} already exists (use --reset to set a new password).`,
			'user_exists'
		);
	}
	const passwordHash = await hashPassword(input.password);
	try {
		return await insertUser(sql, { email, name, passwordHash, role: 'superadmin', mppId: null });
	} catch (error) {
		// another create-admin won the race for the same address
		if ((error as { code?: string }).code === '23505') {
			throw conflict(`A user with e-mail ${email} already exists.`, 'user_exists');
		}
		throw error;
	}
}

/** Sets a new password, signs the user out everywhere and lifts a login lockout. */
export async function resetPassword(
	sql: Sql,
	input: { email: string; password: string }
): Promise<{ user: UserRow; endedSessions: number }> {
	const email = checkEmail(input.email);
	const user = await findUserByEmail(sql, email);
	if (!user) throw notFound(`No user has the e-mail address ${email}.`, 'unknown_user');
	await checkNewPassword(input.password, [email, user.name]);
	const passwordHash = await hashPassword(input.password);
	const endedSessions = await sql.begin(async (tx) => {
		await setPasswordHash(tx, user.id, passwordHash);
		await clearLoginDelays(tx, email);
		return deleteUserSessions(tx, user.id);
	});
	return { user, endedSessions };
}
