// Today's national figures (every MPP's own local today, by time zone), shared: the ministry room's
// pulse computes them a few seconds apart, and a /ministry page load within that time shows the same
// figures instead of scanning every MPP's tickets again. Per process, like the pulse.
import type { Sql } from '../db/client';
import { nationalStats, type NationalResult } from './stats';

/** As old as the figures a page may show: one pulse (ministry-pulse.ts). */
export const TODAY_MAX_AGE_MS = 5000;

let latest: { at: number; result: Promise<NationalResult> } | null = null;

/** The latest figures if younger than `maxAgeMs`, else freshly computed (and kept for the next caller). */
export function nationalToday(
	sql: Sql,
	maxAgeMs = TODAY_MAX_AGE_MS,
	now = new Date()
): Promise<NationalResult> {
	if (latest && now.getTime() - latest.at >= 0 && now.getTime() - latest.at < maxAgeMs) return latest.result;
	const result = nationalStats(sql, { today: true, groupBy: 'timezone', now });
	const entry = { at: now.getTime(), result };
	latest = entry;
	// a failed computation is not kept: the next caller tries again
	result.catch(() => {
		if (latest === entry) latest = null;
	});
	return result;
}
