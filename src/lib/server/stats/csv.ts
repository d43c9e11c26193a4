// CSV of a stats answer (issue 4): a header row, one line per row, a total line. UTF-8, comma
// separated, numbers plain (dot decimals, no grouping) so any spreadsheet or script reads them.
import type { StatsGroupBy, StatsResult, StatsRow, StatsRowKey } from './query';

const keyColumns: Record<StatsGroupBy, (keyof StatsRowKey)[]> = {
	counter: ['counterId', 'counterName'],
	service: ['serviceId', 'serviceName'],
	tenant: ['tenantId', 'tenantName'],
	day: ['date'],
	hour: ['hour'],
	weekday: ['weekday']
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

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

function metrics(r: Omit<StatsRow, keyof StatsRowKey>): (string | number | null)[] {
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
		r.ikm?.value ?? null,
		r.ikm?.grade ?? null,
		r.ikm?.respondents ?? null,
		r.ikm?.requiredSample ?? null
	];
}

function field(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: (string | number | null | undefined)[]) => values.map(field).join(',') + '\r\n';

export function statsCsv(result: StatsResult): string {
	const keys = keyColumns[result.groupBy];
	let csv = line([...keys.map(snake), ...metricColumns]);
	for (const row of result.rows) csv += line([...keys.map((k) => row[k]), ...metrics(row)]);
	csv += line(['total', ...keys.slice(1).map(() => ''), ...metrics(result.total)]);
	return csv;
}

export function statsCsvFilename(slug: string, result: StatsResult): string {
	return `antrean-${slug}-${result.groupBy}-${result.from}_${result.to}.csv`;
}
