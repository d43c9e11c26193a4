import { toDayForms } from '$lib/admin/hours';
import { t } from '$lib/i18n';
import {
	addClosedDay,
	listUpcomingClosedDays,
	removeClosedDay,
	setMppActive,
	updateMppOperations,
	updateMppProfile
} from '$lib/server/admin/mpps';
import { getSql } from '$lib/server/db/client';
import { act, formObject } from '../form.server';
import { mppIdOf } from './mpp.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { mpp } = await parent();
	return {
		days: toDayForms(mpp.openingHours),
		closedDays: await listUpcomingClosedDays(getSql(), locals.actor, mpp.id),
		title: t(locals.locale, 'admin.tabs.settings')
	};
};

export const actions: Actions = {
	profile: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		const slug = String(values.slug ?? '')
			.trim()
			.toLowerCase();
		return act(
			locals.locale,
			'profile',
			values,
			async () => updateMppProfile(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), values),
			`/admin/${slug}?saved=profile`
		);
	},
	operations: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(locals.locale, 'operations', values, async () =>
			updateMppOperations(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), values)
		);
	},
	addClosedDay: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(locals.locale, 'closedDay', values, async () =>
			addClosedDay(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), values)
		);
	},
	removeClosedDay: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(locals.locale, 'closedDay', values, async () =>
			removeClosedDay(
				getSql(),
				locals.actor,
				await mppIdOf(params.mpp, locals.actor),
				String(values.date ?? '')
			)
		);
	},
	setActive: async ({ locals, params, request }) => {
		const values = formObject(await request.formData());
		return act(locals.locale, 'state', values, async () =>
			setMppActive(getSql(), locals.actor, await mppIdOf(params.mpp, locals.actor), values.active === 'true')
		);
	}
};
