import { saveNotificationSettings } from '$lib/server/admin/notifications';
import { getSql } from '$lib/server/db/client';
import { notifySettings } from '$lib/server/notify/settings';
import { act, formObject, guarded } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions, PageServerLoad } from './$types';

/** Threshold, retention and WhatsApp (issue 12); the credentials never reach the page. */
export const load: PageServerLoad = async ({ parent }) => {
	const { mpp } = await parent();
	return { settings: await notifySettings(getSql(), mpp.id) };
};

export const actions: Actions = {
	save: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'notifications', values, () =>
			saveNotificationSettings(getSql(), locals.actor, mppId, values)
		);
	})
};
