import { listCounterRows } from '$lib/server/db/catalogue-edits';
import { LINK_HOURS } from '$lib/server/admin/password-links';
import {
	createPasswordLink,
	createPerson,
	invitePerson,
	listPeopleForAdmin,
	resetPassword,
	setPersonActive,
	updatePerson
} from '$lib/server/admin/people';
import { getSql } from '$lib/server/db/client';
import { act, actShowing, formObject, guarded } from '../../form.server';
import { shownLink } from '../../link.server';
import { mppAdmin } from '../mpp.server';
import type { Actions, PageServerLoad } from './$types';

/** `?person=new|<id>` opens the editor (with the password reset for an existing person). */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { mpp } = await parent();
	const people = await listPeopleForAdmin(getSql(), locals.actor, mpp.id);
	const counters = (await listCounterRows(getSql(), mpp.id)).filter((c) => c.active);
	return {
		people,
		counters: counters.map(({ id, name }) => ({ id, name })),
		me: locals.actor.kind === 'user' ? locals.actor.user.id : null,
		linkHours: LINK_HOURS,
		editPerson: url.searchParams.get('person')
	};
};

const here = (slug: string) => `/admin/${slug}/people?saved`;

export const actions: Actions = {
	create: guarded(mppAdmin, async ({ locals, params, url }, mppId, form) => {
		const values = formObject(form, ['counterIds']);
		if (values.mode === 'invite') {
			// no password: the person chooses one through a link the admin sends them
			return actShowing(
				locals.locale,
				'person',
				values,
				async () => invitePerson(getSql(), locals.actor, mppId, values),
				(invited) => shownLink(url.origin, invited)
			);
		}
		return act(
			locals.locale,
			'person',
			{ ...values, password: '' },
			async () => createPerson(getSql(), locals.actor, mppId, values),
			here(params.mpp)
		);
	}),
	update: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form, ['counterIds']);
		return act(
			locals.locale,
			'person',
			values,
			async () => updatePerson(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	reset: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'reset',
			{ id: values.id },
			async () => resetPassword(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	link: guarded(mppAdmin, async ({ locals, url }, mppId, form) => {
		const values = formObject(form);
		return actShowing(
			locals.locale,
			'reset',
			{ id: values.id },
			async () => createPasswordLink(getSql(), locals.actor, mppId, String(values.id)),
			(made) => shownLink(url.origin, made)
		);
	}),
	active: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'active', values, async () =>
			setPersonActive(getSql(), locals.actor, mppId, String(values.id), values.active === 'true')
		);
	})
};
