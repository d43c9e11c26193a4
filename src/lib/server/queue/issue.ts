// Issuing a ticket at a kiosk, by staff, or online.
import { checkIssueTime, checkQuota, issueHours } from '../../domain/issue-rules';
import { localTime, zoneLabel } from '../../domain/local-day';
import { regularQuota } from '../../domain/booking-slots';
import { canNumber } from '../../domain/numbering';
import type { PriorityGroup } from '../../domain/types';
import type { Sql } from '../db/client';
import { findClosedDay } from '../db/closed-days';
import { findMppById } from '../db/mpps';
import { nextDailySeq } from '../db/queue-events';
import { findService } from '../db/services';
import { conflict, notFound, unprocessable } from '../errors';
import { createTicket } from './create-ticket';
import { queueTransaction } from './record';
import type { IssuedTicket, QueueActor, QueueRequest } from './types';

export interface IssueTicketInput extends Pick<QueueRequest, 'idempotency'> {
	mppId: string;
	serviceId: string;
	priorityGroup?: PriorityGroup | null;
	source?: 'kiosk' | 'staff' | 'online';
	actor: QueueActor;
	now?: Date;
	/**
	 * Only for the demo simulator, whose simulated business day runs at any real hour: skips the
	 * opening-hours and cut-off check, never the quota. No HTTP door passes it.
	 */
	ignoreOpeningHours?: boolean;
}

export async function issueTicket(sql: Sql, input: IssueTicketInput): Promise<IssuedTicket> {
	const now = input.now ?? new Date();
	const db = { sql, idempotency: input.idempotency };
	const { value, outcome } = await queueTransaction(db, async (tx) => {
		const [service, mpp] = await Promise.all([
			findService(tx, input.serviceId),
			findMppById(tx, input.mppId)
		]);
		// a service of another MPP is reported as unknown: a kiosk must not learn other MPPs' ids
		if (!service || service.mppId !== input.mppId)
			throw notFound('Layanan tidak ditemukan.', 'service_not_found');
		if (!mpp || !mpp.active) throw notFound('MPP tidak ditemukan.', 'mpp_not_found');
		if (!service.active) {
			throw unprocessable(`Layanan ${service.name} sedang tidak aktif.`, 'service_inactive');
		}

		const local = localTime(now, mpp.timezone);
		const refusal = input.ignoreOpeningHours
			? null
			: checkIssueTime({
					openingHours: issueHours(mpp),
					at: local,
					cutoffMinutes: service.cutoffMinutes,
					zoneLabel: zoneLabel(mpp.timezone)
				});
		if (refusal) throw conflict(refusal.message, refusal.code);
		// a holiday or closed day the MPP's admin set (issue 6) overrides the weekday's hours
		const closedDay =
			input.ignoreOpeningHours || mpp.ticketsAnyHour
				? undefined
				: await findClosedDay(tx, mpp.id, local.date);
		if (closedDay) throw conflict(`Layanan tutup hari ini (${closedDay.name}).`, 'service_closed');

		// one ledger (issue 12): bookings not yet checked in hold their places against walk-ins
		const { seq, booked } = await nextDailySeq(tx, service.id, local.date);
		const priorityGroup = input.priorityGroup ?? null;
		const limit =
			service.dailyQuota === null || priorityGroup
				? service.dailyQuota
				: regularQuota(service.dailyQuota, service.priorityReserveShare);
		const overQuota = checkQuota(seq + booked, limit);
		if (overQuota) throw conflict(overQuota.message, overQuota.code);
		if (!canNumber(seq + booked)) {
			throw conflict(
				`Nomor antrean layanan ${service.name} hari ini sudah habis (paling banyak 999).`,
				'numbers_exhausted'
			);
		}
		return createTicket(tx, {
			mpp,
			service,
			localDate: local.date,
			seq,
			priorityGroup,
			source: input.source ?? 'kiosk',
			actor: input.actor,
			now
		});
	});
	return { ...value, outcome };
}
