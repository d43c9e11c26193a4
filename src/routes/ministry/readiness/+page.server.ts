import { getSql } from '$lib/server/db/client';
import { readReadiness } from '$lib/server/national-readiness/readiness';
import { allRegions } from '$lib/server/national-coverage/regions';
import { orPageError } from '../../admin/page-error.server';
import { badQuery, requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/readiness: every MPP's baseline and readiness score, lowest first; ?province narrows. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const province = event.url.searchParams.get('province') || null;
	const provinces = [...new Set(allRegions().map((r) => r.province))];
	if (province !== null && !provinces.includes(province))
		badQuery(locale, 'province tidak dikenal (unknown province)');
	const mpps = await orPageError(locale, () => readReadiness(getSql(), event.locals.actor, province));
	return { locale, query: { province: province ?? '' }, provinces, mpps };
};
