// Statistics read from a streaming replica (DATABASE_READ_URL, issue 11) catch their rollups up on the
// primary, and the replica replays those writes a moment later, or much later when its replay is
// paused or its link is down. Until then the replica's tickets are newer than its rollups. These ask
// the replica itself which closed days its rollups do not cover yet, the same questions catchUpStats
// asks the primary, so readers take those days from the replica's tickets: every answer is then exact
// as of the replica's moment, which the freshness line states. Reading the primary's pool: no lag.
import { localDate } from '../../domain/local-day';
import { readsReplica, type Sql } from '../db/client';
import { changedClosedDays, mppsBehind, readRollupState, unrolledDays } from '../db/stats-rollup';
import { EVENT_MARGIN_MS } from './rollup';

/** Closed local days of one MPP within [from, to] that the replica's rollups do not cover yet. */
export async function daysNotRolledOnReplica(
	sql: Sql,
	mpp: { id: string; timezone: string },
	range: { from: string; to: string },
	now: Date
): Promise<string[]> {
	if (!readsReplica(sql) || range.from > range.to) return [];
	const today = localDate(now, mpp.timezone);
	const state = await readRollupState(sql, mpp.id);
	const since = state.eventsThrough ? new Date(state.eventsThrough.getTime() - EVENT_MARGIN_MS) : null;
	const [unrolled, changed] = await Promise.all([
		unrolledDays(sql, mpp.id, state.rolledThrough, today),
		changedClosedDays(sql, mpp.id, since, today)
	]);
	return [...new Set([...unrolled, ...changed])].filter((d) => d >= range.from && d <= range.to).sort();
}

/** Of the given MPPs, those whose rollups on the replica may not cover their closed days yet. */
export async function mppsNotRolledOnReplica(sql: Sql, mppIds: string[], now: Date): Promise<Set<string>> {
	if (!readsReplica(sql)) return new Set();
	return new Set(await mppsBehind(sql, mppIds, now, EVENT_MARGIN_MS));
}
