import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { homeFor, safeRedirectPath } from '$lib/server/auth/home';
import { login, TooManyAttempts } from '$lib/server/auth/login';
import { getSql } from '$lib/server/db/client';
import { isAppError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.actor?.kind === 'user')
		redirect(303, redirectTo ?? (await homeFor(getSql(), locals.actor.user)));
	return {
		locale: locals.locale,
		redirectTo,
		signedOut: url.searchParams.has('signedOut')
	};
};

const credentials = z.object({
	email: z.string().trim().min(1).max(254),
	// argon2 over a megabyte of "password" is a cheap way to burn our CPU
	password: z.string().min(1).max(1024)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '').slice(0, 254);
		const parsed = credentials.safeParse({ email: form.get('email'), password: form.get('password') });
		if (!parsed.success) return fail(400, { email, error: 'missing' as const });
		let result;
		try {
			result = await login(getSql(), { ...parsed.data, ip: event.getClientAddress() });
		} catch (error) {
			if (error instanceof TooManyAttempts) {
				return fail(429, {
					email,
					error: 'tooMany' as const,
					retryMinutes: error.retryAfterMinutes,
					retrySeconds: error.retryAfterSeconds
				});
			}
			if (isAppError(error) && error.status === 401) return fail(401, { email, error: 'invalid' as const });
			throw error;
		}
		setSessionCookie(event.cookies, result.token, result.expiresAt, event.url);
		const target = safeRedirectPath(String(form.get('redirectTo') ?? ''));
		redirect(303, target ?? (await homeFor(getSql(), result.user)));
	}
};
