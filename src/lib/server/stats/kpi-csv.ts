// The KPI columns every statistics CSV shares (per-MPP stats, the ministry's ranking and national
// answers), so that a sheet built on one reads the others: same names, same order, same units.
import type { Kpis } from '../../domain/kpi';
import type { CsvCell } from '../../csv';

export const kpiCsvColumns = [
	'issued',
	'called',
	'served',
	'no_show',
	'no_show_pct',
	'wait_avg_s',
	'wait_p50_s',
	'wait_p90_s',
	'service_avg_s',
	'service_p50_s',
	'service_p90_s',
	'service_level',
	'ikm',
	'ikm_grade',
	'ikm_respondents',
	'ikm_required_sample'
];

interface CsvIkm {
	value: number | null;
	grade: string | null;
	respondents: number;
	requiredSample: number | null;
}

/** The cells of kpiCsvColumns for one row; an IKM without respondents leaves its cells empty. */
export function kpiCsvCells(r: Kpis & { ikm?: CsvIkm | null }): CsvCell[] {
	return [
		r.issued,
		r.called,
		r.served,
		r.noShow.count,
		r.noShow.pct,
		r.wait.avg,
		r.wait.p50,
		r.wait.p90,
		r.service.avg,
		r.service.p50,
		r.service.p90,
		r.serviceLevel,
		r.ikm?.value,
		r.ikm?.grade,
		r.ikm?.respondents,
		r.ikm?.requiredSample
	];
}
