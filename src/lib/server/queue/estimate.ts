// Position and estimated wait of a waiting ticket.
// Position is approximate by design: a regular ticket counts everyone waiting ahead of it in its
// service in arrival order, a priority ticket counts only priority tickets ahead. Later priority
// arrivals, counters shared with other services and the fairness ratio can shift the real order.
import { estimateWaitMinutes } from '../../domain/wait-estimate';
import type { Db } from '../db/client';
import { countOpenCountersServing, countWaitingAhead, recentMeanServiceSeconds } from '../db/queue-stats';
import type { TicketRecord } from '../db/tickets';

export async function estimateFor(
	db: Db,
	ticket: TicketRecord,
	expectedServiceMinutes: number
): Promise<{ position: number; estimatedWaitMinutes: number }> {
	const [ahead, mean, openCounters] = await Promise.all([
		countWaitingAhead(db, {
			id: ticket.id,
			serviceId: ticket.serviceId,
			localDate: ticket.localDate,
			queuedAt: ticket.queuedAt,
			priorityOnly: ticket.priorityGroup !== null
		}),
		recentMeanServiceSeconds(db, {
			mppId: ticket.mppId,
			serviceId: ticket.serviceId,
			localDate: ticket.localDate
		}),
		countOpenCountersServing(db, ticket.serviceId)
	]);
	return {
		position: ahead + 1,
		estimatedWaitMinutes: estimateWaitMinutes({
			ahead,
			meanServiceSeconds: mean ?? expectedServiceMinutes * 60,
			openCounters
		})
	};
}
