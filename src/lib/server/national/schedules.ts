// Schedule uniformity for the ministry (issue 14, DOMAIN §2: "neither are schedules [uniform]"): the
// national norm (the week most active MPPs keep, domain/schedule-norm.ts), and every MPP with the
// days it differs on and whether it serves on Saturday; the page and its CSV answer "Which MPPs
// differ from the national opening hours?".
import { formatCsv } from '../../csv';
import { zoneLabel } from '../../domain/local-day';
import { dayText, daysDiffering, nationalNorm, opensOnSaturday } from '../../domain/schedule-norm';
import { weekdays, type OpeningHours, type Weekday } from '../../domain/types';
import type { Db } from '../db/client';
import { listMppSchedules } from '../db/national-schedules';

export interface ScheduleRow {
	slug: string;
	name: string;
	province: string;
	city: string;
	zone: string;
	openingHours: OpeningHours;
	/** Monday first; empty when the MPP keeps the norm */
	differs: Weekday[];
	saturday: boolean;
}

export interface ScheduleUniformity {
	norm: OpeningHours | null;
	/** MPPs that keep the norm exactly */
	keptBy: number;
	total: number;
	/** MPPs that serve on Saturday */
	saturday: number;
	rows: ScheduleRow[];
	/** every province with an active MPP, for the filter */
	provinces: string[];
}

export async function scheduleUniformity(
	db: Db,
	filter: { province?: string } = {}
): Promise<ScheduleUniformity> {
	const all = await listMppSchedules(db);
	// the norm is national: a province is compared with the country, not with itself
	const norm = nationalNorm(all.map((m) => m.openingHours));
	const mpps = filter.province ? all.filter((m) => m.province === filter.province) : all;
	const rows = mpps.map((m) => ({
		slug: m.slug,
		name: m.name,
		province: m.province,
		city: m.city,
		zone: zoneLabel(m.timezone),
		openingHours: m.openingHours,
		differs: norm ? daysDiffering(m.openingHours, norm.hours) : [],
		saturday: opensOnSaturday(m.openingHours)
	}));
	return {
		norm: norm?.hours ?? null,
		keptBy: rows.filter((r) => r.differs.length === 0).length,
		total: rows.length,
		saturday: rows.filter((r) => r.saturday).length,
		rows,
		provinces: [...new Set(all.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'id'))
	};
}

/** One line per MPP: its hours per weekday, whether it differs and on which days; the norm first. */
export function schedulesCsv(result: ScheduleUniformity): string {
	const days = weekdays;
	const hours = (h: OpeningHours) => days.map((d) => dayText(h, d));
	return formatCsv([
		['mpp', 'name', 'province', 'city', 'zone', 'differs', 'differs_on', 'saturday', ...days],
		...(result.norm ? [['national_norm', '', '', '', '', '', '', '', ...hours(result.norm)]] : []),
		...result.rows.map((r) => [
			r.slug,
			r.name,
			r.province,
			r.city,
			r.zone,
			r.differs.length > 0 ? 'yes' : 'no',
			r.differs.join(' '),
			r.saturday ? 'yes' : 'no',
			...hours(r.openingHours)
		])
	]);
}
