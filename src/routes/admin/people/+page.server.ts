// /admin/people: the superadmin's national people (superadmins and ministry staff, no MPP).
// Thin: every rule, the role check included, is in $lib/server/admin/national-people.
import {
	createNationalPerson,
	inviteNationalPerson,
	listNationalPeopleForAdmin,
	nationalPasswordLink,
	nationalRoles,
	setNationalPersonActive
} from '$lib/server/admin/national-people';
import { LINK_HOURS } from '$lib/server/admin/password-links';
import { getSql } from '$lib/server/db/client';
import { act, actShowing, formObject, guarded, superadmin } from '../form.server';
import { shownLink } from '../link.server';
import { orPageError } from '../page-error.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const people = await orPageError(locals.locale, () => listNationalPeopleForAdmin(getSql(), locals.actor));
	return {
		people,
		roles: nationalRoles,
		linkHours: LINK_HOURS,
		me: locals.actor.kind === 'user' ? locals.actor.user.id : null,
		adding: url.searchParams.has('new')
	};
};

export const actions: Actions = {
	create: guarded(superadmin, async ({ locals, url }, _allowed, form) => {
		const values = formObject(form);
		if (values.mode === 'invite') {
			return actShowing(
				locals.locale,
				'person',
				values,
				() => inviteNationalPerson(getSql(), locals.actor, values),
				(invited) => shownLink(url.origin, invited)
			);
		}
		return act(
			locals.locale,
			'person',
			{ ...values, password: '' },
			() => createNationalPerson(getSql(), locals.actor, values),
			'/admin/people?saved'
		);
	}),
	link: guarded(superadmin, async ({ locals, url }, _allowed, form) => {
		const values = formObject(form);
		return actShowing(
			locals.locale,
			'active',
			values,
			() => nationalPasswordLink(getSql(), locals.actor, String(values.id)),
			(made) => shownLink(url.origin, made)
		);
	}),
	active: guarded(superadmin, async ({ locals }, _allowed, form) => {
		const values = formObject(form);
		return act(locals.locale, 'active', values, () =>
			setNationalPersonActive(getSql(), locals.actor, String(values.id), values.active === 'true')
		);
	})
};
