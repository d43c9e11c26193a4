// Keeping the rollups exact (server/migrations/0004_stats.sql explains the choice): a closed MPP-local
// day is rebuilt from its tickets once it has closed, and again whenever ticket_events show that one
// of its tickets changed afterwards. "Today" is never read from rollups. Readers call catchUpStats for
// their MPP first, so the job is exact after it runs and every answer matches the tickets.
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import type { Sql } from '../db/client';
import {
	advanceEventMarks,
	changedClosedDays,
	listMppZones,
	lockRollups,
	mppsBehind,
	readRollupState,
	rebuildRollups,
	ticketDayRanges,
	unrolledDays,
	writeRollupState
} from '../db/stats-rollup';

/** A queue transaction commits well within this after the time its event carries. */
export const EVENT_MARGIN_MS = 5 * 60_000;
/** Most rebuilt days at once: a month of a large MPP is ~40,000 tickets, one short statement. */
const MAX_RANGE_DAYS = 31;

/** Rebuilds the rollups of an MPP's local days [from, to] from its tickets, in one transaction. */
export async function rebuildStats(sql: Sql, mppId: string, from: string, to: string): Promise<void> {
	for (let start = from; start <= to; start = addDays(start, MAX_RANGE_DAYS)) {
		const end = addDays(start, MAX_RANGE_DAYS - 1) < to ? addDays(start, MAX_RANGE_DAYS - 1) : to;
		await sql.begin(async (tx) => {
			await lockRollups(tx, mppId);
			await rebuildRollups(tx, mppId, start, end);
		});
	}
}

/**
 * Rolls up every closed day of the MPP that is not rolled yet, and re-rolls closed days whose tickets
 * changed since the last run. Cheap when there is nothing to do (two indexed reads).
 * Returns the days rebuilt.
 */
export async function catchUpStats(
	sql: Sql,
	mpp: { id: string; timezone: string },
	now = new Date()
): Promise<string[]> {
	const today = localDate(now, mpp.timezone);
	const yesterday = addDays(today, -1);
	const state = await readRollupState(sql, mpp.id);
	const eventsSince = state.eventsThrough ? new Date(state.eventsThrough.getTime() - EVENT_MARGIN_MS) : null;
	if (state.rolledThrough !== null && state.rolledThrough >= yesterday) {
		const changed = await changedClosedDays(sql, mpp.id, eventsSince, today);
		if (!changed.length) {
			// move the mark on now and then, so this check keeps reading minutes of events, not a whole day
			if (!state.eventsThrough || now.getTime() - state.eventsThrough.getTime() > 2 * EVENT_MARGIN_MS) {
				await writeRollupState(sql, mpp.id, { rolledThrough: state.rolledThrough, eventsThrough: now });
			}
			return [];
		}
	}
	return sql.begin(async (tx) => {
		await lockRollups(tx, mpp.id);
		// another request may have done the work while this one waited for the lock
		const current = await readRollupState(tx, mpp.id);
		const since = current.eventsThrough ? new Date(current.eventsThrough.getTime() - EVENT_MARGIN_MS) : null;
		const days = new Set([
			...(await unrolledDays(tx, mpp.id, current.rolledThrough, today)),
			...(await changedClosedDays(tx, mpp.id, since, today))
		]);
		const sorted = [...days].sort();
		for (const [from, to] of consecutiveRanges(sorted)) await rebuildRollups(tx, mpp.id, from, to);
		await writeRollupState(tx, mpp.id, { rolledThrough: yesterday, eventsThrough: now });
		return sorted;
	});
}

/**
 * catchUpStats for many MPPs at once (the ministry's 300): one statement finds the few with work to do,
 * and only those take the per-MPP path. Returns the days rebuilt.
 */
export async function catchUpManyStats(
	sql: Sql,
	mpps: { id: string; timezone: string }[],
	now = new Date()
): Promise<number> {
	const behind = new Set(
		await mppsBehind(
			sql,
			mpps.map((m) => m.id),
			now,
			EVENT_MARGIN_MS
		)
	);
	let days = 0;
	for (const mpp of mpps) if (behind.has(mpp.id)) days += (await catchUpStats(sql, mpp, now)).length;
	const current = mpps.filter((m) => !behind.has(m.id)).map((m) => m.id);
	await advanceEventMarks(sql, current, now, new Date(now.getTime() - 2 * EVENT_MARGIN_MS));
	return days;
}

/** catchUpStats for every active MPP: for a periodic job, so readers rarely find work to do. */
export async function catchUpAllStats(sql: Sql, now = new Date()): Promise<number> {
	return catchUpManyStats(sql, await listMppZones(sql), now);
}

/**
 * Rebuilds every rollup from tickets (`npm run stats:backfill`), then records each MPP as caught up.
 * Returns the MPPs and local days covered.
 */
export async function backfillStats(
	sql: Sql,
	options: { mppId?: string; now?: Date; onMpp?: (mppId: string, days: number) => void } = {}
): Promise<{ mpps: number; days: number }> {
	const now = options.now ?? new Date();
	let days = 0;
	const ranges = await ticketDayRanges(sql, options.mppId);
	for (const range of ranges) {
		await rebuildStats(sql, range.mppId, range.first, range.last);
		const span = daysBetween(range.first, range.last) + 1;
		days += span;
		await writeRollupState(sql, range.mppId, {
			rolledThrough: addDays(localDate(now, range.timezone), -1),
			eventsThrough: now
		});
		options.onMpp?.(range.mppId, span);
	}
	return { mpps: ranges.length, days };
}

/** Sorted 'YYYY-MM-DD' days → [from, to] runs of consecutive days. */
export function consecutiveRanges(days: string[]): [string, string][] {
	const ranges: [string, string][] = [];
	for (const day of days) {
		const last = ranges[ranges.length - 1];
		if (last && addDays(last[1], 1) === day) last[1] = day;
		else ranges.push([day, day]);
	}
	return ranges;
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
