import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookies';
import { invalidateSessionToken } from '$lib/server/auth/session';
import { hashToken } from '$lib/server/auth/tokens';
import { getSql } from '$lib/server/db/client';
import { disconnectSession } from '$lib/server/realtime/publish';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return {
		locale: locals.locale,
		user: actor?.kind === 'user' ? { name: actor.user.name, role: actor.user.role } : null
	};
};

export const actions: Actions = {
	// Logout is a POST (a form, under SvelteKit's origin check) so no link or image can sign anyone out.
	default: async ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) {
			await invalidateSessionToken(getSql(), token);
			// sockets opened with this session stop receiving events at once
			disconnectSession(hashToken(token));
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/login?signedOut');
	}
};
