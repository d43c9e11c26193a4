// What a person's fields may be, for an MPP's staff and for national people alike.
import { z } from 'zod';
import { isGuessablePassword } from '../auth/password-strength';
import { fieldError, problemMessage, text } from './input';

/** NIST SP 800-63B asks for at least 8; staff accounts reach personal data, so a little more. */
export const PASSWORD_MIN = 10;

export const password = z
	.string({ error: problemMessage('admin.invalid.required') })
	.min(PASSWORD_MIN, problemMessage('admin.invalid.passwordShort', { min: PASSWORD_MIN }))
	.max(200, problemMessage('admin.invalid.tooLong', { max: 200 }));

export const email = z
	.string({ error: problemMessage('admin.invalid.required') })
	.trim()
	.toLowerCase()
	.max(254, problemMessage('admin.invalid.tooLong', { max: 254 }))
	.pipe(z.email(problemMessage('admin.invalid.email')));

export const personName = text(200);

/**
 * After the schema (which checks the length): a password on an attacker's first list, or made of the
 * person's own name or e-mail, is refused next to its field. Costs tens of milliseconds of CPU, so
 * call it only once the request is known to be worth it (a valid link, an admin's form).
 */
export async function refuseGuessablePassword(password: string, personal: string[]): Promise<void> {
	if (await isGuessablePassword(password, personal))
		throw fieldError('password', 'admin.invalid.passwordWeak');
}

/** Choosing a password from a link: typed twice, so a typo does not lock the person out at once. */
export const chosenPassword = z
	.object({ password, confirm: z.string({ error: problemMessage('admin.invalid.required') }) })
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: problemMessage('admin.invalid.passwordMismatch')
	});
