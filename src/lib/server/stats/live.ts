// The floor of one MPP right now (issue 4 "Live"): today's KPIs, waiting now and the longest wait per
// service, and what each counter is doing. The dashboard loads it once and the staff room pushes it
// again after queue changes; every read here is of today's tickets or the live queue only.
import { kpisOf, mergeMeasures, roundKpis, type Kpis } from '../../domain/kpi';
import { localDate } from '../../domain/local-day';
import type { CounterStatus } from '../../domain/types';
import type { Sql } from '../db/client';
import { counterStates, serviceQueues } from '../db/stats-live';
import { ticketMeasures } from '../db/stats-read';

export interface LiveService {
	serviceId: string;
	serviceName: string;
	tenantId: string;
	waiting: number;
	/** seconds the longest-waiting ticket has waited so far, null when nobody waits */
	longestWaitSeconds: number | null;
	targetWaitMinutes: number;
	/** the longest wait already exceeds the service's target: the dashboard's alert */
	overTarget: boolean;
	today: Kpis;
}

export interface LiveCounter {
	counterId: string;
	counterName: string;
	status: CounterStatus;
	/** open and holding a ticket: which one, since when (called, then serving) */
	serving: { ticketNumber: string | null; state: 'called' | 'serving'; since: string } | null;
	/** open and holding none: since when it has been free (last finish, or when it opened) */
	idleSince: string | null;
	idleSeconds: number | null;
	/** paused or closed: since when */
	statusSince: string;
	servedToday: number;
}

export interface LiveStats {
	mppId: string;
	at: string;
	date: string;
	today: Kpis;
	services: LiveService[];
	counters: LiveCounter[];
}

/**
 * `aggregatesOnly` (the ministry role) leaves out which ticket a counter is serving: the national
 * view reads aggregates, never ticket-level data (issue 5).
 */
export async function liveStats(
	sql: Sql,
	mpp: { id: string; timezone: string },
	options: { now?: Date; aggregatesOnly?: boolean } = {}
): Promise<LiveStats> {
	const now = options.now ?? new Date();
	const today = localDate(now, mpp.timezone);
	const [perService, queues, counters] = await Promise.all([
		ticketMeasures(sql, { mppId: mpp.id, from: today, to: today, groupBy: 'service' }),
		serviceQueues(sql, mpp.id),
		counterStates(sql, mpp.id, today)
	]);
	const measuresOf = new Map(perService.map(({ key, ...m }) => [key, m]));
	const seconds = (since: Date) => Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));
	return {
		mppId: mpp.id,
		at: now.toISOString(),
		date: today,
		today: roundKpis(kpisOf(mergeMeasures(measuresOf.values()))),
		services: queues.map((q) => {
			const longest = q.oldestIssuedAt ? seconds(q.oldestIssuedAt) : null;
			return {
				serviceId: q.serviceId,
				serviceName: q.serviceName,
				tenantId: q.tenantId,
				waiting: q.waiting,
				longestWaitSeconds: longest,
				targetWaitMinutes: q.targetWaitMinutes,
				overTarget: longest !== null && longest > q.targetWaitMinutes * 60,
				today: roundKpis(
					kpisOf(mergeMeasures(measuresOf.has(q.serviceId) ? [measuresOf.get(q.serviceId)!] : []))
				)
			};
		}),
		counters: counters.map((c) => {
			const holding = c.ticketStatus !== null;
			const freeSince =
				c.status === 'open' && !holding
					? new Date(Math.max(c.statusChangedAt.getTime(), c.lastFinishedAt?.getTime() ?? 0))
					: null;
			return {
				counterId: c.counterId,
				counterName: c.counterName,
				status: c.status,
				serving: holding
					? {
							ticketNumber: options.aggregatesOnly ? null : c.ticketNumber,
							state: c.ticketStatus!,
							since: (c.ticketStatus === 'serving' && c.startedAt ? c.startedAt : c.calledAt!).toISOString()
						}
					: null,
				idleSince: freeSince?.toISOString() ?? null,
				idleSeconds: freeSince ? seconds(freeSince) : null,
				statusSince: c.statusChangedAt.toISOString(),
				servedToday: c.servedToday
			};
		})
	};
}
