// The weekly visit report as CSV, in the style of the other national CSVs (csv.ts): a header row, one
// line per MPP, a national total line; UTF-8, comma separated, numbers plain. Week columns are named by
// ISO week ('2026-W05_issued'), so a sheet that appends reports keeps its columns apart.
import { formatCsv } from '../../csv';
import type { WeeklyVisits } from './weekly-visits';

export function weeklyVisitsCsv(report: WeeklyVisits): string {
	const { total } = report;
	return formatCsv([
		[
			'mpp_id',
			'slug',
			'name',
			'province',
			'city',
			'zone',
			...report.weeks.flatMap((w) => [`${w.week}_issued`, `${w.week}_served`]),
			'total_issued',
			'total_served'
		],
		...report.rows.map((r) => [
			r.mppId,
			r.slug,
			r.name,
			r.province,
			r.city,
			r.zone,
			...r.weeks.flatMap((w) => [w.issued, w.served]),
			r.issued,
			r.served
		]),
		[
			'total',
			'',
			'',
			'',
			'',
			'',
			...total.weeks.flatMap((w) => [w.issued, w.served]),
			total.issued,
			total.served
		]
	]);
}

/** 'antrean-weekly-visits-2026-01-05_2026-02-01.csv': Monday of the first week to Sunday of the last. */
export function weeklyVisitsCsvFilename(
	report: WeeklyVisits,
	filter: { province?: string; zone?: string }
): string {
	const first = report.weeks[0]?.from ?? '';
	const last = report.weeks.at(-1)?.to ?? '';
	const scope = [filter.zone, filter.province]
		.filter((s): s is string => !!s)
		.map((s) =>
			s
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')
		)
		.filter(Boolean);
	return ['antrean-weekly-visits', ...scope, `${first}_${last}`].join('-') + '.csv';
}
