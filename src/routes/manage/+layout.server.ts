import { homeFor } from '$lib/server/auth/home';
import { getSql } from '$lib/server/db/client';
import type { LayoutServerLoad } from './$types';

/** The language and the person, for the dashboard's error page when an MPP's layout refuses. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return {
		locale: locals.locale,
		user: actor.kind === 'user' ? { name: actor.user.name, role: actor.user.role } : null,
		home: actor.kind === 'user' ? await homeFor(getSql(), actor.user) : '/'
	};
};
