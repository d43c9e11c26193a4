// CSV of a stats answer (issue 4): a header row, one line per row, a total line. UTF-8, comma
// separated, numbers plain (dot decimals, no grouping) so any spreadsheet or script reads them.
import { formatCsv } from '../../csv';
import { kpiCsvCells, kpiCsvColumns } from './kpi-csv';
import type { StatsGroupBy, StatsResult, StatsRowKey } from './query';

const keyColumns: Record<StatsGroupBy, (keyof StatsRowKey)[]> = {
	counter: ['counterId', 'counterName'],
	service: ['serviceId', 'serviceName'],
	tenant: ['tenantId', 'tenantName'],
	day: ['date'],
	hour: ['hour'],
	weekday: ['weekday'],
	source: ['source']
};

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function statsCsv(result: StatsResult): string {
	const keys = keyColumns[result.groupBy];
	return formatCsv([
		[...keys.map(snake), ...kpiCsvColumns],
		...result.rows.map((row) => [...keys.map((k) => row[k]), ...kpiCsvCells(row)]),
		['total', ...keys.slice(1).map(() => ''), ...kpiCsvCells(result.total)]
	]);
}

export function statsCsvFilename(slug: string, result: StatsResult): string {
	return `antrean-${slug}-${result.groupBy}-${result.from}_${result.to}.csv`;
}
