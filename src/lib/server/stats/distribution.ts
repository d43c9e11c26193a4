// What the History tab shows beside the grouped stats (issue 4): arrivals per local weekday × hour for
// the heatmap, and the merged wait histogram for the wait distribution. mppStats answers one grouping
// and no histograms; this reads the same rollups (closed days) and tickets (today) the same way, so
// the heatmap's total equals the stats' issued and the histogram counts the stats' called tickets.
import { addHistogram, emptyHistogram, type Histogram } from '../../domain/histogram';
import { localDate } from '../../domain/local-day';
import { addDays } from '../../domain/zoned-time';
import { writerFor, type Sql } from '../db/client';
import { rollupWeekdayHours, ticketWeekdayHours } from '../db/stats-read';
import { daysNotRolledOnReplica } from './replica-lag';
import { catchUpStats, consecutiveRanges } from './rollup';

export interface StatsDistribution {
	/** issued tickets, [weekday 0 = Sunday … 6][local hour 0–23] */
	arrivals: number[][];
	/** waits of the called tickets, over the fixed buckets of src/lib/domain/histogram.ts */
	waitHistogram: Histogram;
}

export async function mppDistribution(
	sql: Sql,
	mpp: { id: string; timezone: string },
	range: { from: string; to: string },
	now = new Date()
): Promise<StatsDistribution> {
	const today = localDate(now, mpp.timezone);
	const closedTo = range.to < addDays(today, -1) ? range.to : addDays(today, -1);
	const liveFrom = range.from > today ? range.from : today;
	const rolled = async () => {
		if (range.from > closedTo) return [];
		await catchUpStats(writerFor(sql), mpp, now);
		// as mppStats: days a replica has not got rolled yet come from its tickets
		const lagging = await daysNotRolledOnReplica(sql, mpp, { from: range.from, to: closedTo }, now);
		const parts = await Promise.all([
			rollupWeekdayHours(sql, { mppId: mpp.id, from: range.from, to: closedTo, except: lagging }),
			...consecutiveRanges(lagging).map(([from, to]) => ticketWeekdayHours(sql, { mppId: mpp.id, from, to }))
		]);
		return parts.flat();
	};
	const live = async () =>
		liveFrom <= range.to ? ticketWeekdayHours(sql, { mppId: mpp.id, from: liveFrom, to: range.to }) : [];
	const parts = (await Promise.all([rolled(), live()])).flat();

	const arrivals = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
	const waitHistogram = emptyHistogram();
	for (const part of parts) {
		arrivals[part.weekday][part.hour] += part.issued;
		addHistogram(waitHistogram, part.waitHistogram);
	}
	return { arrivals, waitHistogram };
}
