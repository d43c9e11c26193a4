// A citizen's browser asks to be told about their ticket (issue 12): the subscription the page got
// from PushManager.subscribe, validated, kept for that ticket only while it waits, is called or served.
import { z } from 'zod';
import type { Sql } from '../db/client';
import { findBookingByCode } from '../db/bookings';
import { findTicketForPush, upsertPushSubscription, type PushOwner } from '../db/push';
import { normalizeBookingCode } from '../booking/code';
import { AppError, conflict, notFound } from '../errors';
import { uuidv7 } from '../ids';
import { trackCodePattern } from '../kiosk/slip';
import { isAllowedPushEndpoint } from './push-endpoints';

/** A few devices per ticket (a phone, a companion's phone); more is a script, not a family. */
export const MAX_SUBSCRIPTIONS_PER_TICKET = 3;

/** base64url of exactly `bytes` bytes (RFC 8291: p256dh is a 65-byte P-256 point, auth 16 bytes). */
const base64urlBytes = (bytes: number, check?: (decoded: Buffer) => boolean) =>
	z
		.string()
		.regex(/^[A-Za-z0-9_-]+={0,2}$/, 'base64url')
		.refine((value) => {
			const decoded = Buffer.from(value, 'base64url');
			return decoded.length === bytes && (!check || check(decoded));
		}, `${bytes} bytes`);

export const pushSubscriptionSchema = z.strictObject({
	endpoint: z
		.string()
		.max(1024)
		.refine((endpoint) => isAllowedPushEndpoint(endpoint), 'an https endpoint of a browser push service'),
	expirationTime: z.number().nullable().optional(),
	keys: z.strictObject({
		// an uncompressed point starts with 0x04
		p256dh: base64urlBytes(65, (point) => point[0] === 4),
		auth: base64urlBytes(16)
	}),
	locale: z.enum(['id', 'en']).default('id')
});

export type PushSubscriptionBody = z.infer<typeof pushSubscriptionSchema>;

const unknownCode = () => notFound('Kode tiket tidak ditemukan (unknown ticket code).', 'ticket_not_found');

export async function subscribeToTicket(
	sql: Sql,
	trackCode: string,
	body: PushSubscriptionBody
): Promise<void> {
	const ticket = trackCodePattern.test(trackCode) ? await findTicketForPush(sql, trackCode) : undefined;
	if (!ticket) throw unknownCode();
	if (!ticket.active) {
		throw conflict(
			'Tiket ini sudah selesai; tidak ada lagi pemberitahuan (the ticket has ended).',
			'ticket_ended'
		);
	}
	await save(sql, { ticketId: ticket.id }, body, 'Tiket ini', 'ticket');
}

/**
 * The booking page's browser asks to be reminded before its window (issue 12); at check-in the same
 * subscription follows the ticket (booking/check-in.ts), so the turn and the call are told too.
 */
export async function subscribeToBooking(
	sql: Sql,
	rawCode: string,
	body: PushSubscriptionBody
): Promise<void> {
	const code = normalizeBookingCode(rawCode);
	const booking = code ? await findBookingByCode(sql, code) : undefined;
	if (!booking) throw notFound('Kode pemesanan tidak ditemukan (unknown booking code).', 'booking_not_found');
	if (booking.status !== 'booked') {
		throw conflict(
			'Pemesanan ini sudah check-in, dibatalkan atau kedaluwarsa (the booking is no longer open).',
			'booking_closed'
		);
	}
	await save(sql, { bookingId: booking.id }, body, 'Pemesanan ini', 'booking');
}

async function save(
	sql: Sql,
	owner: PushOwner,
	body: PushSubscriptionBody,
	subject: string,
	subjectEn: string
): Promise<void> {
	const saved = await upsertPushSubscription(
		sql,
		{
			id: uuidv7(),
			owner,
			endpoint: body.endpoint,
			p256dh: body.keys.p256dh,
			auth: body.keys.auth,
			locale: body.locale
		},
		MAX_SUBSCRIPTIONS_PER_TICKET
	);
	if (saved === 'limit') {
		throw new AppError(
			409,
			'too_many_subscriptions',
			`${subject} sudah diikuti oleh ${MAX_SUBSCRIPTIONS_PER_TICKET} perangkat (at most ${MAX_SUBSCRIPTIONS_PER_TICKET} devices per ${subjectEn}).`
		);
	}
}
