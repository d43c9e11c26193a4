import { getStatsSql } from '$lib/server/db/client';
import { mppsLacking } from '$lib/server/national-catalogue/coverage';
import { orPageError } from '../../../admin/page-error.server';
import { requireMinistry } from '../../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/services/<code>: one standard service across MPPs, and the MPPs that lack it. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const { standard, mpps } = await orPageError(locale, () =>
		mppsLacking(getStatsSql(), event.locals.actor, event.params.code)
	);
	return { standard, lacking: mpps };
};
