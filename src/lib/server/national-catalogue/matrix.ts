// The coverage matrix for the ministry (issue 14): which standard services each MPP offers, its share
// of the MoU agencies, and the gaps per province, with its two CSVs.
import { formatCsv } from '../../csv';
import { serviceMatrix, type ServiceMatrix } from '../../domain/service-matrix';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { listMppMappings, listStandardServices } from '../db/standard-services';
import { requireCatalogueEditor } from './access';

export async function readServiceMatrix(db: Db, actor: Actor): Promise<ServiceMatrix> {
	requireCatalogueEditor(actor);
	const [standards, mpps] = await Promise.all([listStandardServices(db), listMppMappings(db)]);
	return serviceMatrix(
		standards.filter((s) => s.active).map(({ code, name, agency, mou }) => ({ code, name, agency, mou })),
		mpps
	);
}

const share = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1));

/** One line per MPP: its MoU share, then 1 or 0 for each standard service (its code as the header). */
export function matrixCsv(matrix: ServiceMatrix): string {
	return formatCsv([
		[
			'mpp',
			'mpp_name',
			'province',
			'city',
			'mou_agencies_present',
			'mou_agencies',
			'mou_share_percent',
			...matrix.standards.map((s) => s.code)
		],
		...matrix.mpps.map((m) => {
			const present = new Set(m.present);
			return [
				m.slug,
				m.name,
				m.province,
				m.city,
				m.mouAgenciesPresent,
				matrix.mouAgencies,
				share(m.mouShare),
				...matrix.standards.map((s) => (present.has(s.code) ? 1 : 0))
			];
		})
	]);
}

/** One line per province and MoU service that some of its MPPs lack. */
export function gapsCsv(matrix: ServiceMatrix): string {
	const byCode = new Map(matrix.standards.map((s) => [s.code, s]));
	return formatCsv([
		['province', 'mpps', 'mou_share_percent', 'standard_code', 'standard_name', 'agency', 'mpps_lacking'],
		...matrix.provinces.flatMap((p) =>
			p.gaps.map((g) => [
				p.province,
				p.mpps,
				share(p.mouShare),
				g.code,
				byCode.get(g.code)?.name ?? '',
				byCode.get(g.code)?.agency ?? '',
				g.lacking
			])
		)
	]);
}
