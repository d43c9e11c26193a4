// Issuing a ticket at a kiosk, by staff, or online.
import { checkIssueTime, checkQuota, issueHours } from '../../domain/issue-rules';
import { localTime, zoneLabel } from '../../domain/local-day';
import { canNumber, ticketNumber } from '../../domain/numbering';
import type { PriorityGroup } from '../../domain/types';
import type { Sql } from '../db/client';
import { findClosedDay } from '../db/closed-days';
import { findMppById } from '../db/mpps';
import { nextDailySeq } from '../db/queue-events';
import { findService } from '../db/services';
import { insertTicket } from '../db/tickets';
import { conflict, notFound, unprocessable } from '../errors';
import { uuidv7 } from '../ids';
import { estimateFor } from './estimate';
import { appendEvent, draftOutcome, queueTransaction } from './record';
import { generateTrackCode } from './track-code';
import type { IssuedTicket, QueueActor, QueueRequest } from './types';
import { toOutcomeTicket } from './views';

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

		const seq = await nextDailySeq(tx, service.id, local.date);
		const overQuota = checkQuota(seq, service.dailyQuota);
		if (overQuota) throw conflict(overQuota.message, overQuota.code);
		if (!canNumber(seq)) {
			throw conflict(
				`Nomor antrean layanan ${service.name} hari ini sudah habis (paling banyak 999).`,
				'numbers_exhausted'
			);
		}

		// The daily counter row stays locked until COMMIT, so from here on the statements are pipelined:
		// kiosks issuing for the same service wait for each other only as long as necessary.
		const id = uuidv7();
		const number = ticketNumber(service.prefix, seq);
		const source = input.source ?? 'kiosk';
		const priorityGroup = input.priorityGroup ?? null;
		const [record] = await Promise.all([
			insertTicket(tx, {
				id,
				mppId: mpp.id,
				serviceId: service.id,
				localDate: local.date,
				seq,
				number,
				priorityGroup,
				trackCode: generateTrackCode(),
				issuedAt: now,
				source
			}),
			appendEvent(tx, {
				ticketId: id,
				mppId: mpp.id,
				type: 'issued',
				at: now,
				counterId: null,
				serviceId: service.id,
				actor: input.actor,
				data: { number, source, priorityGroup }
			})
		]);
		// the issuer (the kiosk printing the slip) needs the track code: it is the citizen's key
		const ticket = toOutcomeTicket(record);
		const [estimate, draft] = await Promise.all([
			estimateFor(tx, record, service.expectedServiceMinutes),
			draftOutcome(tx, mpp.id, now, { type: 'ticket:issued', ticket }, [service.id])
		]);
		return { value: { ticket, ...estimate }, draft };
	});
	return { ...value, outcome };
}
