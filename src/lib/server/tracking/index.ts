// The citizen's tracking page (/t/<code>): everything about one ticket that its holder may see, and
// nothing about anyone else's. The track code printed on the slip is the only key, so whoever holds
// it (a photo of the slip, a shared link) sees this page: it never shows the priority group, which
// can say disability or pregnancy (special-category data, UU 27/2022).
import type { TicketStatus } from '$lib/domain/types';
import type { Locale } from '$lib/i18n';
import type { TicketFollowState } from '$lib/realtime/events';
import type { Sql } from '../db/client';
import { findServicePlace } from '../db/kiosk';
import { currentSeq } from '../db/positions';
import { findService } from '../db/services';
import { findTicketRecordByTrackCode } from '../db/tickets';
import { notFound } from '../errors';
import { getTicketByTrackCode } from '../queue';
import { estimateFor } from '../queue/estimate';
import { toOutcomeTicket } from '../queue/views';
import { formatLocalDateTime } from '../kiosk/local-datetime';
import { trackCodePattern } from '../kiosk/slip';
import { trackedTicket } from '../realtime/fanout';

export interface Tracking {
	trackCode: string;
	number: string;
	status: TicketStatus;
	serviceId: string;
	serviceName: string;
	tenantName: string;
	mppSlug: string;
	mppName: string;
	mppCity: string;
	/** "Senin, 23 Nov 2026 13:45:30 WIB" */
	issuedAt: string;
	counterName: string | null;
	callCount: number;
	/** 1 when next; only while waiting */
	position: number | null;
	estimatedWaitMinutes: number | null;
}

const unknownCode = () => notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');

export async function trackTicket(db: Sql, trackCode: string, locale: Locale): Promise<Tracking> {
	const found = trackCodePattern.test(trackCode) ? await getTicketByTrackCode(db, trackCode) : undefined;
	const place = found && (await findServicePlace(db, found.ticket.serviceId));
	if (!found || !place) throw unknownCode();
	const { ticket } = found;
	return {
		trackCode: ticket.trackCode,
		number: ticket.number,
		status: ticket.status,
		serviceId: ticket.serviceId,
		serviceName: ticket.serviceName,
		tenantName: place.tenantName,
		mppSlug: place.mppSlug,
		mppName: place.mppName,
		mppCity: place.mppCity,
		issuedAt: formatLocalDateTime(ticket.issuedAt, place.timezone, locale),
		counterName: ticket.counterName,
		callCount: ticket.callCount,
		position: found.position,
		estimatedWaitMinutes: found.estimatedWaitMinutes
	};
}

/**
 * What a phone resyncs from after a (re)connect: the live part of its page, with the MPP's `seq` read
 * in the same snapshot, so the phone can drop events older than this state and apply newer ones.
 */
export async function followState(sql: Sql, trackCode: string): Promise<TicketFollowState> {
	if (!trackCodePattern.test(trackCode)) throw unknownCode();
	return sql.begin('isolation level repeatable read read only', async (tx) => {
		const record = await findTicketRecordByTrackCode(tx, trackCode);
		const place = record && (await findServicePlace(tx, record.serviceId));
		if (!record || !place) throw unknownCode();
		const seq = await currentSeq(tx, record.mppId);
		const estimate =
			record.status === 'waiting'
				? await estimateFor(
						tx,
						record,
						(await findService(tx, record.serviceId))?.expectedServiceMinutes ?? 10
					)
				: { position: null, estimatedWaitMinutes: null };
		return {
			mppId: record.mppId,
			seq,
			ticket: trackedTicket(toOutcomeTicket(record)),
			tenantName: place.tenantName,
			...estimate
		};
	});
}
