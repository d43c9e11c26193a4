// The door of every ministry page: the ministry and the superadmin only (DESIGN "Roles"). Anonymous
// visitors go to the login and come back; any other role is refused; a bad address is a readable 400.
import { error, redirect } from '@sveltejs/kit';
import type { Role } from '$lib/domain/types';
import { t, type Locale } from '$lib/i18n';

interface MinistryRequest {
	locals: App.Locals;
	url: URL;
}

export function requireMinistry({ locals, url }: MinistryRequest): { role: Role; locale: Locale } {
	const { actor, locale } = locals;
	if (actor.kind === 'anonymous')
		redirect(303, `/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
	const role = actor.kind === 'user' ? actor.user.role : null;
	if (role !== 'ministry' && role !== 'superadmin')
		error(403, { code: 'forbidden', message: t(locale, 'ministry.error.forbidden') });
	return { role, locale };
}

/** A query that did not parse: 400 with the reason in the reader's language. */
export function badQuery(locale: Locale, reason: string): never {
	error(400, { code: 'bad_query', message: t(locale, 'ministry.error.bad', { reason }) });
}
