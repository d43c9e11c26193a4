import { fail } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { importCsv } from '$lib/server/admin/bulk';
import { csvImportMaxBytes } from '$lib/server/body-limit';
import { getSql } from '$lib/server/db/client';
import { guarded, translateProblems } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions } from './$types';

// 1 MiB, and never more than BODY_SIZE_LIMIT lets through (README "Configuration")
const MAX_BYTES = csvImportMaxBytes();

export const actions: Actions = {
	default: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) {
			return fail(400, { problem: t(locals.locale, 'admin.import.noFile') });
		}
		const dryRun = form.get('mode') !== 'apply';
		const { report } = await importCsv(getSql(), locals.actor, mppId, await file.text(), { dryRun });
		// each problem in the reader's language, with its line and column
		return {
			report: {
				...report,
				errors: report.errors.map((e) => ({
					line: e.line,
					field: e.field,
					message: translateProblems(locals.locale, { x: e }).x
				})),
				warnings: report.warnings.map((w) => translateProblems(locals.locale, { x: w }).x)
			}
		};
	})
};
