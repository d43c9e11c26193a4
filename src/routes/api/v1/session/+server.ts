// POST: sign in with e-mail and password, for API clients (bearer token) and scripts alike.
// DELETE: sign out the session in the Authorization header or the cookie.
import { z } from 'zod';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookies';
import { login } from '$lib/server/auth/login';
import { bearerToken } from '$lib/server/auth/resolve';
import { getSql } from '$lib/server/db/client';
import { signOut } from '$lib/server/auth/sign-out';
import { apiHandler, json, readJson } from '$lib/server/http';
import type { RequestHandler } from './$types';

const body = z.object({
	email: z.string().trim().min(1).max(254),
	// argon2 over a megabyte of "password" is a cheap way to burn our CPU
	password: z.string().min(1).max(1024)
});

export const POST: RequestHandler = apiHandler(async (event) => {
	const input = await readJson(event.request, body);
	// a refusal is a 429 with Retry-After (TooManyAttempts, through apiHandler)
	const { token, expiresAt, user } = await login(getSql(), { ...input, ip: event.getClientAddress() });
	setSessionCookie(event.cookies, token, expiresAt, event.url);
	return json({ token, expiresAt: expiresAt.toISOString(), user });
});

/** Idempotent: signing out without a (valid) session is still a 204. */
export const DELETE: RequestHandler = apiHandler(async ({ request, cookies, url }) => {
	const cookieToken = cookies.get(SESSION_COOKIE);
	const token = bearerToken(request.headers.get('authorization')) ?? cookieToken;
	// sockets opened with this session stop receiving events at once, on every node
	if (token) await signOut(getSql(), token);
	if (cookieToken) deleteSessionCookie(cookies, url);
	return new Response(null, { status: 204 });
});
