// The CSV of one standard service's national answers: the same rows and numbers as its page (every
// MPP, every province, the national line), with the KPI columns every statistics CSV shares.
import { formatCsv } from '../../csv';
import { kpiCsvCells, kpiCsvColumns } from '../stats/kpi-csv';
import type { StandardServiceResult } from './standard-service';

export function standardServiceCsv(r: StandardServiceResult): string {
	const head = [r.standard.code, r.from, r.to];
	return formatCsv([
		['standard_code', 'from', 'to', 'level', 'mpp', 'name', 'province', 'mpps', ...kpiCsvColumns],
		...r.mpps.map((m) => [...head, 'mpp', m.slug, m.name, m.province, 1, ...kpiCsvCells(m)]),
		...r.provinces.map((p) => [...head, 'province', '', '', p.province, p.mpps, ...kpiCsvCells(p)]),
		[...head, 'national', '', '', '', r.national.mpps, ...kpiCsvCells(r.national)]
	]);
}
