import { toDayForms } from '$lib/admin/hours';
import { createMpp } from '$lib/server/admin/mpps';
import { requireSuperadmin } from '$lib/server/admin/access';
import { getSql } from '$lib/server/db/client';
import { act, formObject, guarded, superadmin } from '../form.server';
import { orPageError } from '../page-error.server';
import type { Actions, PageServerLoad } from './$types';

// A new MPP starts from the common weekday pattern (DOMAIN profile "hours"): 07:30–16:00, the Friday
// prayer break 11:30–13:00, closed at the weekend.
const workday: [string, string][] = [['07:30', '16:00']];
const defaults = toDayForms({
	mon: workday,
	tue: workday,
	wed: workday,
	thu: workday,
	fri: [
		['07:30', '11:30'],
		['13:00', '16:00']
	],
	sat: [],
	sun: []
});

export const load: PageServerLoad = async ({ locals }) => {
	await orPageError(locals.locale, async () => requireSuperadmin(locals.actor));
	return { days: defaults };
};

export const actions: Actions = {
	default: guarded(superadmin, async ({ locals }, _allowed, form) => {
		const values = formObject(form);
		const slug = String(values.slug ?? '')
			.trim()
			.toLowerCase();
		return act(
			locals.locale,
			'create',
			values,
			() => createMpp(getSql(), locals.actor, values),
			`/admin/${slug}`
		);
	})
};
