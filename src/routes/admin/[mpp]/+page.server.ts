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
import { listUpcomingStops, removeMobileStop, setMobileStop } from '$lib/server/admin/mobile-stops';
import { getSql } from '$lib/server/db/client';
import { act, formObject, guarded } from '../form.server';
import { mppAdmin } from './mpp.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { mpp } = await parent();
	return {
		days: toDayForms(mpp.openingHours),
		closedDays: await listUpcomingClosedDays(getSql(), locals.actor, mpp.id),
		stops: await listUpcomingStops(getSql(), locals.actor, mpp.id),
		title: t(locals.locale, 'admin.tabs.settings')
	};
};

export const actions: Actions = {
	profile: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		const slug = String(values.slug ?? '')
			.trim()
			.toLowerCase();
		return act(
			locals.locale,
			'profile',
			values,
			async () => updateMppProfile(getSql(), locals.actor, mppId, values),
			`/admin/${slug}?saved=profile`
		);
	}),
	operations: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'operations', values, async () =>
			updateMppOperations(getSql(), locals.actor, mppId, values)
		);
	}),
	addClosedDay: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'closedDay', values, async () =>
			addClosedDay(getSql(), locals.actor, mppId, values)
		);
	}),
	removeClosedDay: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'closedDay', values, async () =>
			removeClosedDay(getSql(), locals.actor, mppId, String(values.date ?? ''))
		);
	}),
	setStop: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'stop', values, async () =>
			setMobileStop(getSql(), locals.actor, mppId, values)
		);
	}),
	removeStop: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'stop', values, async () =>
			removeMobileStop(getSql(), locals.actor, mppId, String(values.date ?? ''))
		);
	}),
	setActive: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'state', values, async () =>
			setMppActive(getSql(), locals.actor, mppId, values.active === 'true')
		);
	})
};
