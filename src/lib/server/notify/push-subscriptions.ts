// A citizen's browser asks to be told about their ticket (issue 12): the subscription the page got
// from PushManager.subscribe, validated, kept for that ticket only while it waits, is called or served.
import { z } from 'zod';
import type { Sql } from '../db/client';
import { findTicketForPush, upsertPushSubscription } from '../db/push';
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
	const saved = await upsertPushSubscription(
		sql,
		{
			id: uuidv7(),
			ticketId: ticket.id,
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
			`Tiket ini sudah diikuti oleh ${MAX_SUBSCRIPTIONS_PER_TICKET} perangkat (at most ${MAX_SUBSCRIPTIONS_PER_TICKET} devices per ticket).`
		);
	}
}
