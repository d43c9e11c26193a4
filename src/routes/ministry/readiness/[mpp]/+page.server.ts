import { getSql } from '$lib/server/db/client';
import { formatLocalDateTime } from '$lib/server/kiosk/local-datetime';
import { requireCatalogueEditor } from '$lib/server/national-catalogue/access';
import { readMppReadiness, setReadiness } from '$lib/server/national-readiness/readiness';
import { act, formObject, guarded } from '../../../admin/form.server';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import type { Actions, PageServerLoad } from './$types';

/** /ministry/readiness/<mpp>: one MPP's indicators, the form that records them, and their history. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const { mpp, history } = await orPageError(locale, () =>
		readMppReadiness(getSql(), event.locals.actor, event.params.mpp)
	);
	// the ministry reads times in WIB, where the programme is steered from
	const shown = history.map((h) => ({ ...h, at: formatLocalDateTime(h.recordedAt, 'Asia/Jakarta', locale) }));
	return { locale, mpp, history: shown };
};

// ministry and superadmin, decided before the body is read
const editor = ({ locals }: { locals: App.Locals }) => requireCatalogueEditor(locals.actor);

export const actions: Actions = {
	record: guarded(editor, async ({ locals, params }, _user, form) => {
		const values = formObject(form);
		return act(locals.locale, 'readiness', values, () =>
			setReadiness(getSql(), locals.actor, params.mpp, values)
		);
	})
};
