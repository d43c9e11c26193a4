// What a person's fields may be, for an MPP's staff and for national people alike.
import { z } from 'zod';
import { problemMessage, text } from './input';

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

/** Choosing a password from a link: typed twice, so a typo does not lock the person out at once. */
export const chosenPassword = z
	.object({ password, confirm: z.string({ error: problemMessage('admin.invalid.required') }) })
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: problemMessage('admin.invalid.passwordMismatch')
	});
