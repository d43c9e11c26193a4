// CSV of the ministry's answers (issue 5), in the style of the per-MPP stats CSV: a header row, one line
// per MPP or group, a total line; UTF-8, comma separated, numbers plain.
import type { Kpis } from '../../domain/kpi';
import type { MppRankingRow, RankingIkm } from './ranking';
import type { NationalResult } from './stats';

const metricColumns = [
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

type Cell = string | number | null | undefined;

function metrics(r: Kpis & { ikm: RankingIkm }): Cell[] {
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
		r.ikm.value,
		r.ikm.grade,
		r.ikm.respondents,
		r.ikm.requiredSample
	];
}

function field(value: Cell): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: Cell[]) => values.map(field).join(',') + '\r\n';

export function rankingCsv(rows: MppRankingRow[]): string {
	let csv = line([
		'mpp_id',
		'slug',
		'name',
		'province',
		'city',
		'timezone',
		'zone',
		'size',
		'open_days',
		...metricColumns
	]);
	for (const r of rows) {
		csv += line([
			r.mppId,
			r.slug,
			r.name,
			r.province,
			r.city,
			r.timezone,
			r.zone,
			r.size ?? '',
			r.openDays,
			...metrics(r)
		]);
	}
	return csv;
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
	let csv = line([key, ...(grouped ? ['mpps'] : []), ...metricColumns]);
	for (const r of result.rows) csv += line([r[key], ...(grouped ? [r.mpps] : []), ...metrics(r)]);
	csv += line(['total', ...(grouped ? [result.total.mpps] : []), ...metrics(result.total)]);
	return csv;
}
