// The figures of an MPP's Live tab: the floor now (liveStats) and today's IKM so far (PermenPANRB
// 14/2017), which liveStats leaves to the stats query because it comes from surveys, not the queue.
// Read one way for the page load and for the figures room's pushes, so a reload and a pushed update
// never disagree.
import type { IkmResult } from '../../domain/ikm';
import { localDate } from '../../domain/local-day';
import type { MppFiguresEvent } from '../../realtime/events';
import type { Sql } from '../db/client';
import { findMppById } from '../db/mpps';
import { liveStats, type LiveStats } from './live';
import { mppStats } from './query';

export interface LiveFigures {
	live: LiveStats;
	ikm: IkmResult;
}

export async function liveFigures(
	sql: Sql,
	mpp: { id: string; timezone: string },
	options: { now?: Date; aggregatesOnly?: boolean } = {}
): Promise<LiveFigures> {
	const now = options.now ?? new Date();
	const today = localDate(now, mpp.timezone);
	const [live, stats] = await Promise.all([
		liveStats(sql, mpp, { now, aggregatesOnly: options.aggregatesOnly }),
		mppStats(sql, mpp, { from: today, to: today, groupBy: 'tenant' }, now)
	]);
	return { live, ikm: stats.total.ikm };
}

/**
 * What the figures room carries: always aggregates only, whoever of its readers may see more, since
 * one reading goes to all of them. Null for an MPP that does not exist.
 */
export async function figuresEvent(
	sql: Sql,
	mppId: string,
	now = new Date()
): Promise<MppFiguresEvent | null> {
	const mpp = await findMppById(sql, mppId);
	if (!mpp) return null;
	return { mppId, ...(await liveFigures(sql, mpp, { now, aggregatesOnly: true })) };
}
