// CSV of the ministry's answers (issue 5), in the style of the per-MPP stats CSV: a header row, one line
// per MPP or group, a total line; UTF-8, comma separated, numbers plain.
import { formatCsv } from '../../csv';
import { kpiCsvCells, kpiCsvColumns } from '../stats/kpi-csv';
import type { MppRankingRow } from './ranking';
import type { NationalResult } from './stats';

export function rankingCsv(rows: MppRankingRow[]): string {
	return formatCsv([
		[
			'mpp_id',
			'slug',
			'name',
			'province',
			'city',
			'timezone',
			'zone',
			'size',
			'open_days',
			...kpiCsvColumns,
			'booking_use',
			'booking_no_show_rate'
		],
		...rows.map((r) => [
			r.mppId,
			r.slug,
			r.name,
			r.province,
			r.city,
			r.timezone,
			r.zone,
			r.size ?? '',
			r.openDays,
			...kpiCsvCells(r),
			r.booking.use ?? '',
			r.booking.noShowRate ?? ''
		])
	]);
}

const keyColumn = {
	day: 'date',
	week: 'week',
	month: 'month',
	province: 'province',
	timezone: 'zone'
} as const;

export function nationalCsv(result: NationalResult): string {
	const key = keyColumn[result.groupBy];
	const grouped = result.groupBy === 'province' || result.groupBy === 'timezone';
	return formatCsv([
		[key, ...(grouped ? ['mpps'] : []), ...kpiCsvColumns],
		...result.rows.map((r) => [r[key], ...(grouped ? [r.mpps] : []), ...kpiCsvCells(r)]),
		['total', ...(grouped ? [result.total.mpps] : []), ...kpiCsvCells(result.total)]
	]);
}
