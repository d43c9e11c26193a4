import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookies';
import { getSql } from '$lib/server/db/client';
import { signOut } from '$lib/server/auth/sign-out';
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
		// sockets opened with this session stop receiving events at once, on every node
		if (token) await signOut(getSql(), token);
		deleteSessionCookie(cookies, url);
		redirect(303, '/login?signedOut');
	}
};
