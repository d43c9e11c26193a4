// What the Live tab paints first: the floor now (liveStats), the staff-room snapshot the page then
// follows (and whose services and counters name each agency), and today's IKM (PermenPANRB 14/2017),
// which liveStats leaves to the stats query because it comes from surveys, not the queue. The ministry
// (read-only, issue 5) gets the same figures without a ticket in them: no number a counter calls or
// serves, no recent calls; only which services and counters there are and how many wait.
import type { IkmResult } from '$lib/domain/ikm';
import { localDate } from '$lib/domain/local-day';
import type { StaffSnapshot } from '$lib/realtime/events';
import type { Sql } from '$lib/server/db/client';
import { staffSnapshot } from '$lib/server/realtime/snapshot';
import { liveStats, type LiveStats } from '$lib/server/stats/live';
import { mppStats } from '$lib/server/stats/query';

export interface LiveDashboard {
	live: LiveStats;
	snapshot: StaffSnapshot;
	ikm: IkmResult;
}

export async function liveDashboard(
	sql: Sql,
	mpp: { id: string; timezone: string; readOnly: boolean }
): Promise<LiveDashboard> {
	const now = new Date();
	const today = localDate(now, mpp.timezone);
	const [live, snapshot, stats] = await Promise.all([
		liveStats(sql, mpp, { now, aggregatesOnly: mpp.readOnly }),
		staffSnapshot(sql, mpp.id),
		mppStats(sql, mpp, { from: today, to: today, groupBy: 'tenant' }, now)
	]);
	return { live, snapshot: mpp.readOnly ? withoutTickets(snapshot) : snapshot, ikm: stats.total.ikm };
}

/** The floor's structure and waiting counts, with every ticket taken out. */
export function withoutTickets(snapshot: StaffSnapshot): StaffSnapshot {
	return {
		...snapshot,
		recentCalls: [],
		counters: snapshot.counters.map((c) => ({ ...c, currentTicket: null }))
	};
}
