// The citizen-first door to WhatsApp (issue 12): a wa.me link (and the slip's QR code of it) that
// opens a chat with the MPP's business number, the message already typed with the track code. The
// citizen sends it or not; only a message they sent links their number to the ticket.
import { waMeNumber } from '$lib/domain/phone';
import { t, type Locale } from '$lib/i18n';
import type { Db } from '../db/client';
import { findBusinessNumber, findWhatsAppOfTicket } from '../db/whatsapp';

export function waMeUrl(businessNumber: string, trackCode: string, locale: Locale): string {
	// short on purpose: the slip prints this as a QR code, and fewer characters mean bigger modules
	const text = t(locale, 'track.whatsapp.prefill', { code: trackCode });
	return `https://wa.me/${waMeNumber(businessNumber)}?text=${encodeURIComponent(text)}`;
}

/** The link for this ticket, or null when the MPP has no WhatsApp number set. */
export async function whatsAppLink(
	db: Db,
	mppId: string,
	trackCode: string,
	locale: Locale
): Promise<string | null> {
	const businessNumber = await findBusinessNumber(db, mppId);
	return businessNumber ? waMeUrl(businessNumber, trackCode, locale) : null;
}

/** For the tracking page: the link and the retention it promises, or null without a number. */
export async function whatsAppOffer(
	db: Db,
	trackCode: string,
	locale: Locale
): Promise<{ url: string; retentionDays: number } | null> {
	const found = await findWhatsAppOfTicket(db, trackCode);
	return found
		? { url: waMeUrl(found.businessNumber, trackCode, locale), retentionDays: found.phoneRetentionDays }
		: null;
}
