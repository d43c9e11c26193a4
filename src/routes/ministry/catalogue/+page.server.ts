import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { csvImportMaxBytes } from '$lib/server/body-limit';
import { getSql } from '$lib/server/db/client';
import { requireCatalogueEditor } from '$lib/server/national-catalogue/access';
import { importStandardServicesCsv } from '$lib/server/national-catalogue/csv';
import {
	createStandardService,
	readStandardServices,
	setStandardServiceActive,
	updateStandardServiceFields
} from '$lib/server/national-catalogue/standard-services';
import { act, formObject, guarded, translateReport, uploadedCsv } from '../../admin/form.server';
import { orPageError } from '../../admin/page-error.server';
import { requireMinistry } from '../access.server';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = csvImportMaxBytes();

/** `?edit=new|<code>` opens the editor. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const services = await orPageError(locale, () => readStandardServices(getSql(), event.locals.actor));
	return { services, edit: event.url.searchParams.get('edit') };
};

// ministry and superadmin, decided before the body is read (form.server.ts `guarded`)
const editor = ({ locals }: { locals: App.Locals }) => requireCatalogueEditor(locals.actor);
const here = '/ministry/catalogue?saved';

export const actions: Actions = {
	create: guarded(editor, async ({ locals }, _user, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'standard',
			values,
			() => createStandardService(getSql(), locals.actor, values),
			here
		);
	}),
	update: guarded(editor, async ({ locals }, _user, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'standard',
			values,
			() => updateStandardServiceFields(getSql(), locals.actor, values.code, values),
			here
		);
	}),
	active: guarded(editor, async ({ locals }, _user, form) => {
		const values = formObject(form);
		return act(locals.locale, 'standardActive', values, () =>
			setStandardServiceActive(getSql(), locals.actor, values.code, values.active === 'true')
		);
	}),
	import: guarded(editor, async ({ locals }, _user, form) => {
		const text = await uploadedCsv(form, MAX_BYTES);
		if (text === null) return fail(400, { problem: t(locals.locale, 'admin.import.noFile') });
		const dryRun = form.get('mode') !== 'apply';
		const report = await importStandardServicesCsv(getSql(), locals.actor, text, { dryRun });
		return { report: translateReport(locals.locale, report) };
	})
};
