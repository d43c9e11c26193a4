// The ticket a kiosk hands out, on screen and on the thermal slip (DOMAIN §5): MPP, number, service
// and agency, local date and time with its zone, people ahead, estimated wait, and a QR code to the
// citizen's tracking page.
import QRCode from 'qrcode';
import type { PriorityGroup, TicketStatus } from '$lib/domain/types';
import type { Locale } from '$lib/i18n';
import type { Sql } from '../db/client';
import { findServicePlace } from '../db/kiosk';
import { notFound } from '../errors';
import { whatsAppLink } from '../notify/wa-me';
import { getTicketByTrackCode } from '../queue';
import { localDateTime } from './local-datetime';

export const trackCodePattern = /^[a-z0-9]{6,32}$/i;

export interface Slip {
	number: string;
	status: TicketStatus;
	serviceName: string;
	tenantName: string;
	mppName: string;
	mppCity: string;
	priorityGroup: PriorityGroup | null;
	issuedDate: string;
	issuedTime: string;
	/** people ahead now, null once the ticket is no longer waiting */
	ahead: number | null;
	estimatedWaitMinutes: number | null;
	trackCode: string;
	trackUrl: string;
	/** an <svg> element, generated here from our own URL only */
	qrSvg: string;
	/** the wa.me chat with the MPP (issue 12), when the MPP set a WhatsApp number */
	whatsapp: { url: string; qrSvg: string } | null;
}

export async function kioskSlip(
	db: Sql,
	input: { mppId: string; trackCode: string; origin: string; locale: Locale }
): Promise<Slip> {
	const found = trackCodePattern.test(input.trackCode)
		? await getTicketByTrackCode(db, input.trackCode)
		: undefined;
	// a kiosk shows its own MPP's tickets only
	if (!found || found.ticket.mppId !== input.mppId)
		throw notFound('Tiket tidak ditemukan (unknown ticket).', 'ticket_not_found');
	const { ticket } = found;
	const place = await findServicePlace(db, ticket.serviceId);
	if (!place) throw notFound('Layanan tidak ditemukan.', 'service_not_found');
	const trackUrl = `${input.origin}/t/${ticket.trackCode}`;
	const issued = localDateTime(ticket.issuedAt, place.timezone, input.locale);
	const whatsappUrl = await whatsAppLink(db, ticket.mppId, ticket.trackCode, input.locale);
	return {
		number: ticket.number,
		status: ticket.status,
		serviceName: ticket.serviceName,
		tenantName: place.tenantName,
		mppName: place.mppName,
		mppCity: place.mppCity,
		priorityGroup: ticket.priorityGroup,
		issuedDate: issued.date,
		issuedTime: issued.time,
		ahead: found.position === null ? null : found.position - 1,
		estimatedWaitMinutes: found.estimatedWaitMinutes,
		trackCode: ticket.trackCode,
		trackUrl,
		qrSvg: await qrSvg(trackUrl),
		whatsapp: whatsappUrl ? { url: whatsappUrl, qrSvg: await qrSvg(whatsappUrl) } : null
	};
}

/** Error correction M survives a smudged thermal print; the 1-module margin is added by the slip. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
