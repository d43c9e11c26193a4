import { redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/server/auth/home';
import { getSql } from '$lib/server/db/client';
import type { LayoutServerLoad } from './$types';

/** Everyone here is signed in; the pages check who may do what. */
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	return {
		locale,
		user: actor.kind === 'user' ? { name: actor.user.name, role: actor.user.role } : null,
		home: actor.kind === 'user' ? await homeFor(getSql(), actor.user) : '/'
	};
};
