// Visits per MPP per ISO week for the ministry's weekly report (issue 5, DOMAIN §2): one grouped read of
// the MPP-day rollup for every MPP at once, each over its own range of closed local dates.
import type { Db } from './client';
import type { MppRange } from './national';

export interface MppWeekVisits {
	mppId: string;
	/** the Monday of the ISO week of local dates */
	week: string;
	issued: number;
	served: number;
}

/** Tickets issued and served per MPP and week, from stats_mpp_days (exact for closed days). */
export async function weeklyVisitsOf(db: Db, ranges: MppRange[]): Promise<MppWeekVisits[]> {
	if (!ranges.length) return [];
	return db<MppWeekVisits[]>`
		SELECT r.mpp_id::text AS "mppId", date_trunc('week', r.local_date)::date::text AS week,
			sum(r.issued)::int AS issued, sum(r.served)::int AS served
		FROM unnest(${ranges.map((r) => r.mppId)}::uuid[], ${ranges.map((r) => r.from)}::date[],
			${ranges.map((r) => r.to)}::date[]) AS g(mpp_id, date_from, date_to)
		JOIN stats_mpp_days r ON r.mpp_id = g.mpp_id AND r.local_date BETWEEN g.date_from AND g.date_to
		GROUP BY 1, 2`;
}
