import { readCatalogue } from '$lib/server/admin/catalogue-view';
import { activateCounter, createCounter, deactivateCounter, updateCounter } from '$lib/server/admin/counters';
import { getSql } from '$lib/server/db/client';
import { act, formObject, guarded } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions, PageServerLoad } from './$types';

/** `?counter=new|<id>` opens the editor, `?deactivate=<id>` the deactivation. */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { mpp } = await parent();
	return {
		...(await readCatalogue(getSql(), locals.actor, mpp.id)),
		editCounter: url.searchParams.get('counter'),
		deactivate: url.searchParams.get('deactivate')
	};
};

const here = (slug: string) => `/admin/${slug}/counters?saved`;

export const actions: Actions = {
	createCounter: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form, ['serviceIds']);
		return act(
			locals.locale,
			'counter',
			values,
			async () => createCounter(getSql(), locals.actor, mppId, values),
			here(params.mpp)
		);
	}),
	updateCounter: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form, ['serviceIds']);
		return act(
			locals.locale,
			'counter',
			values,
			async () => updateCounter(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	deactivateCounter: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'deactivate',
			values,
			async () => deactivateCounter(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	activateCounter: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'counterActive', values, async () =>
			activateCounter(getSql(), locals.actor, mppId, String(values.id))
		);
	})
};
