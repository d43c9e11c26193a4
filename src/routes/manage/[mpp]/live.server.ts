// What the Live tab paints first: the figures (the floor now and today's IKM, live-figures.ts) and the
// staff-room snapshot the page then follows (whose services and counters name each agency). The
// ministry (read-only, issue 5) gets the same figures without a ticket in them: no number a counter
// calls or serves, no recent calls; only which services and counters there are and how many wait.
import type { StaffSnapshot } from '$lib/realtime/events';
import type { Sql } from '$lib/server/db/client';
import { staffSnapshot } from '$lib/server/realtime/snapshot';
import { liveFigures, type LiveFigures } from '$lib/server/stats/live-figures';

export interface LiveDashboard extends LiveFigures {
	snapshot: StaffSnapshot;
}

export async function liveDashboard(
	sql: Sql,
	mpp: { id: string; timezone: string; readOnly: boolean }
): Promise<LiveDashboard> {
	const [figures, snapshot] = await Promise.all([
		liveFigures(sql, mpp, { aggregatesOnly: mpp.readOnly }),
		staffSnapshot(sql, mpp.id)
	]);
	return { ...figures, snapshot: mpp.readOnly ? withoutTickets(snapshot) : snapshot };
}

/** The floor's structure and waiting counts, with every ticket taken out. */
export function withoutTickets(snapshot: StaffSnapshot): StaffSnapshot {
	return {
		...snapshot,
		recentCalls: [],
		counters: snapshot.counters.map((c) => ({ ...c, currentTicket: null }))
	};
}
