// The citizen's tracking page (/t/<code>): everything about one ticket that its holder may see, and
// nothing about anyone else's. The track code printed on the slip is the only key.
import type { PriorityGroup, TicketStatus } from '$lib/domain/types';
import type { Locale } from '$lib/i18n';
import type { Sql } from '../db/client';
import { findServicePlace } from '../db/kiosk';
import { notFound } from '../errors';
import { getTicketByTrackCode } from '../queue';
import { formatLocalDateTime } from '../kiosk/local-datetime';
import { trackCodePattern } from '../kiosk/slip';

export interface Tracking {
	trackCode: string;
	number: string;
	status: TicketStatus;
	serviceId: string;
	serviceName: string;
	tenantName: string;
	mppName: string;
	mppCity: string;
	priorityGroup: PriorityGroup | null;
	/** "Senin, 23 Nov 2026 13:45:30 WIB" */
	issuedAt: string;
	counterName: string | null;
	callCount: number;
	/** 1 when next; only while waiting */
	position: number | null;
	estimatedWaitMinutes: number | null;
}

export async function trackTicket(db: Sql, trackCode: string, locale: Locale): Promise<Tracking> {
	const found = trackCodePattern.test(trackCode) ? await getTicketByTrackCode(db, trackCode) : undefined;
	const place = found && (await findServicePlace(db, found.ticket.serviceId));
	if (!found || !place)
		throw notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');
	const { ticket } = found;
	return {
		trackCode: ticket.trackCode,
		number: ticket.number,
		status: ticket.status,
		serviceId: ticket.serviceId,
		serviceName: ticket.serviceName,
		tenantName: place.tenantName,
		mppName: place.mppName,
		mppCity: place.mppCity,
		priorityGroup: ticket.priorityGroup,
		issuedAt: formatLocalDateTime(ticket.issuedAt, place.timezone, locale),
		counterName: ticket.counterName,
		callCount: ticket.callCount,
		position: found.position,
		estimatedWaitMinutes: found.estimatedWaitMinutes
	};
}
