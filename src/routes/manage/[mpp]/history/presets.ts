// The History tab's ranges and groupings as the page offers them: presets are plain links that only
// fill in from and to, so they work without JavaScript. Shared by the page and its load.
import { addDays } from '$lib/domain/zoned-time';
import type { StatsGroupBy } from '$lib/server/db/stats-sql';

/** The order the grouping menu offers them in: agencies first, the way a manager reads the mall. */
export const historyGroupBys: readonly StatsGroupBy[] = [
	'tenant',
	'service',
	'counter',
	'day',
	'hour',
	'weekday',
	'source'
];
export const presets = ['7d', '30d', 'thisMonth', 'lastMonth', '90d'] as const;
export type Preset = (typeof presets)[number];

/** The dates a preset stands for, ending today (or at the end of last month). */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
	const monthStart = `${today.slice(0, 8)}01`;
	switch (preset) {
		case '7d':
			return { from: addDays(today, -6), to: today };
		case '30d':
			return { from: addDays(today, -29), to: today };
		case '90d':
			return { from: addDays(today, -89), to: today };
		case 'thisMonth':
			return { from: monthStart, to: today };
		case 'lastMonth': {
			const lastDay = addDays(monthStart, -1);
			return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
		}
	}
}
