import { complaintFigures } from '$lib/server/complaints/complaint-figures';
import { getStatsSql } from '$lib/server/db/client';
import { orPageError } from '../../admin/page-error.server';
import { requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';
import { complaintsQuery } from './query.server';

/** /ministry/complaints: SP4N-LAPOR! link use and the survey's complaint element per MPP (issue 14). */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const now = new Date();
	const query = complaintsQuery(event.url.searchParams, locale, now);
	const figures = await orPageError(locale, () =>
		complaintFigures(getStatsSql(), event.locals.actor, {
			from: query.from,
			to: query.to,
			now,
			filter: query.province ? { province: query.province } : {}
		})
	);
	return { locale, query, figures };
};
