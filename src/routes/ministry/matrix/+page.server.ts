import { getStatsSql } from '$lib/server/db/client';
import { readServiceMatrix } from '$lib/server/national-catalogue/matrix';
import { orPageError } from '../../admin/page-error.server';
import { badQuery, requireMinistry } from '../access.server';
import type { PageServerLoad } from './$types';

/** /ministry/matrix: MPPs × standard services, each MPP's MoU share, the gaps per province (issue 14).
 * ?province narrows the MPPs; ?mou=1 shows only the MoU services' columns. */
export const load: PageServerLoad = async (event) => {
	const { locale } = requireMinistry(event);
	const matrix = await orPageError(locale, () => readServiceMatrix(getStatsSql(), event.locals.actor));
	const province = event.url.searchParams.get('province') || '';
	if (province && !matrix.provinces.some((p) => p.province === province))
		badQuery(locale, 'province tidak dikenal (unknown province)');
	const mouOnly = event.url.searchParams.get('mou') === '1';
	return {
		locale,
		query: { province, mouOnly },
		mouAgencies: matrix.mouAgencies,
		standards: mouOnly ? matrix.standards.filter((s) => s.mou) : matrix.standards,
		allStandards: matrix.standards,
		mpps: province ? matrix.mpps.filter((m) => m.province === province) : matrix.mpps,
		provinces: matrix.provinces
	};
};
