import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { importCsv } from '$lib/server/admin/bulk';
import { csvImportMaxBytes } from '$lib/server/body-limit';
import { getSql } from '$lib/server/db/client';
import { guarded, translateReport, uploadedCsv } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions } from './$types';

// 1 MiB, and never more than BODY_SIZE_LIMIT lets through (README "Configuration")
const MAX_BYTES = csvImportMaxBytes();

export const actions: Actions = {
	default: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const text = await uploadedCsv(form, MAX_BYTES);
		if (text === null) return fail(400, { problem: t(locals.locale, 'admin.import.noFile') });
		const dryRun = form.get('mode') !== 'apply';
		const { report } = await importCsv(getSql(), locals.actor, mppId, text, { dryRun });
		return { report: translateReport(locals.locale, report) };
	})
};
