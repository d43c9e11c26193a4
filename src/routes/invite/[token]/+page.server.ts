// /invite/<token>: a person opens the link an admin sent them, chooses a password and is signed in.
// An expired, used or unknown link gets a page that says which (never a 500).
import { fail, redirect } from '@sveltejs/kit';
import { isFieldError } from '$lib/server/admin/input';
import { acceptLink, ClosedLink, LINK_HOURS, openLink } from '$lib/server/admin/password-links';
import { PASSWORD_MIN } from '$lib/server/admin/people-schemas';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { homeFor } from '$lib/server/auth/home';
import { getSql } from '$lib/server/db/client';
import { translateProblems } from '../../admin/form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	locale: locals.locale,
	link: await openLink(getSql(), params.token),
	minLength: PASSWORD_MIN,
	linkHours: LINK_HOURS
});

export const actions: Actions = {
	default: async ({ locals, params, request, cookies, url }) => {
		const form = await request.formData();
		const input = { password: form.get('password') ?? '', confirm: form.get('confirm') ?? '' };
		let accepted;
		try {
			accepted = await acceptLink(getSql(), params.token, input);
		} catch (error) {
			if (isFieldError(error)) return fail(422, { errors: translateProblems(locals.locale, error.fields) });
			// someone used or replaced the link since the page was opened: the load shows which
			if (error instanceof ClosedLink) return fail(error.status, { closed: error.state });
			throw error;
		}
		const { session, user } = accepted.value;
		setSessionCookie(cookies, session.token, session.expiresAt, url);
		redirect(303, await homeFor(getSql(), user));
	}
};
