// Read-only queries the doors need: tracking, authorization, waiting counts.
import type { Sql } from '../db/client';
import { findService } from '../db/services';
import { countWaitingInMpp } from '../db/queue-stats';
import { findTicketRecord, findTicketRecordByTrackCode } from '../db/tickets';
import type { TicketView } from './outcome';
import { estimateFor } from './estimate';
import type { TicketAccessInfo, TicketTracking } from './types';
import { staffTicketView, toOutcomeTicket } from './views';

/** What a citizen's phone shows for /t/<code>; position and estimate only while waiting. */
export async function getTicketByTrackCode(sql: Sql, trackCode: string): Promise<TicketTracking | undefined> {
	const record = await findTicketRecordByTrackCode(sql, trackCode);
	if (!record) return undefined;
	if (record.status !== 'waiting')
		return { ticket: toOutcomeTicket(record), position: null, estimatedWaitMinutes: null };
	const service = await findService(sql, record.serviceId);
	const estimate = await estimateFor(sql, record, service?.expectedServiceMinutes ?? 10);
	return { ticket: toOutcomeTicket(record), ...estimate };
}

export async function findTicket(sql: Sql, ticketId: string): Promise<TicketView | undefined> {
	const record = await findTicketRecord(sql, ticketId);
	return record && staffTicketView(record);
}

/** Where a ticket belongs, for the doors' role and MPP checks before they call an operation. */
export async function ticketAccessInfo(sql: Sql, ticketId: string): Promise<TicketAccessInfo | undefined> {
	const record = await findTicketRecord(sql, ticketId);
	if (!record) return undefined;
	return {
		mppId: record.mppId,
		serviceId: record.serviceId,
		counterId: record.counterId,
		status: record.status
	};
}

/** Tickets waiting now (the MPP's local day at `at`) per active service of an MPP. */
export async function queueWaitingCounts(
	sql: Sql,
	mppId: string,
	at?: Date
): Promise<Record<string, number>> {
	return countWaitingInMpp(sql, mppId, at);
}
