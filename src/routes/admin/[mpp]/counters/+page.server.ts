import { readCatalogue } from '$lib/server/admin/catalogue-view';
import { activateCounter, createCounter, deactivateCounter, updateCounter } from '$lib/server/admin/counters';
import { getSql } from '$lib/server/db/client';
import { act, formObject } from '../../form.server';
import { mppIdOf } from '../mpp.server';
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
	createCounter: async ({ locals, params, request }) => {
		const values = formObject(await request.formData(), ['serviceIds']);
		return act(
			locals.locale,
			'counter',
			values,
			async () => createCounter(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), values),
			here(params.mpp)
		);
	},
	updateCounter: async ({ locals, params, request }) => {
		const values = formObject(await request.formData(), ['serviceIds']);
		return act(
			locals.locale,
			'counter',
			values,
			async () =>
				updateCounter(
					getSql(),
					locals.actor,
					await mppIdOf(params.mpp, locals.actor),
					String(values.id),
					values
				),
			here(params.mpp)
		);
	},
	deactivateCounter: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(
			locals.locale,
			'deactivate',
			values,
			async () =>
				deactivateCounter(
					getSql(),
					locals.actor,
					await mppIdOf(params.mpp, locals.actor),
					String(values.id),
					values
				),
			here(params.mpp)
		);
	},
	activateCounter: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(locals.locale, 'counterActive', values, async () =>
			activateCounter(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), String(values.id))
		);
	}
};
