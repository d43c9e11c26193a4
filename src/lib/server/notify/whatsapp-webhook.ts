// Meta's webhook for an MPP's WhatsApp number (issue 12): a citizen who writes first opens the
// 24-hour service window in which the MPP may answer for free, and a message naming a track code
// links the conversation to that ticket (messaging first with the code is the consent to be told
// about it; the phone is kept only until the retention beat deletes it).
import { z } from 'zod';
import type { Sql } from '../db/client';
import { findMppBySlug } from '../db/mpps';
import { normalizeBookingCode } from '../booking/code';
import {
	findActiveTicketOfMpp,
	findMppWhatsApp,
	findOpenBookingOfMpp,
	recordInbound,
	type MppWhatsApp
} from '../db/whatsapp';
import { AppError, badRequest, notFound } from '../errors';
import { parseWith } from '../http';
import { uuidv7 } from '../ids';
import { assertSafeKeys } from '../safe-keys';
import { whatsAppApi } from './whatsapp-sender';

const inboundMessage = z.looseObject({
	from: z.string().regex(/^[1-9][0-9]{6,14}$/, 'a phone number in international form'),
	id: z.string().max(256),
	timestamp: z.string().regex(/^[0-9]{1,12}$/, 'seconds since 1970'),
	type: z.string().max(32),
	text: z.looseObject({ body: z.string().max(4096) }).optional()
});

/** What we read of the payload; everything else Meta sends is ignored (and may change). */
export const webhookSchema = z.looseObject({
	object: z.literal('whatsapp_business_account'),
	entry: z
		.array(
			z.looseObject({
				changes: z
					.array(
						z.looseObject({
							field: z.string().max(64),
							value: z.looseObject({
								metadata: z.looseObject({ phone_number_id: z.string().max(64) }).optional(),
								messages: z.array(inboundMessage).max(100).optional()
							})
						})
					)
					.max(100)
			})
		)
		.max(100)
});

// a track code as queue/track-code.ts makes them: 10 of its 32 symbols
const trackCodeInText = /\b([a-km-np-z2-9]{10})\b/gi;
/** A booking code as written on the booking page (ABCD-EFGH) or without its dash. */
const bookingCodeInText = /\b([A-Za-z2-9]{4}-?[A-Za-z2-9]{4})\b/g;
/** A long message is not searched word by word: a few candidates are plenty for a pasted code. */
const MAX_CODES_LOOKED_UP = 3;

async function configured(sql: Sql, slug: string): Promise<MppWhatsApp & { appSecret: string }> {
	const mpp = await findMppBySlug(sql, slug);
	const settings = mpp && (await findMppWhatsApp(sql, mpp.id));
	if (!settings?.appSecret) throw notFound('WhatsApp belum diatur untuk MPP ini (WhatsApp is not set up).');
	return settings as MppWhatsApp & { appSecret: string };
}

/** Meta's set-up handshake: echo hub.challenge when hub.verify_token is the MPP's. */
export async function verifySubscription(sql: Sql, slug: string, params: URLSearchParams): Promise<string> {
	const settings = await configured(sql, slug);
	const challenge = params.get('hub.challenge') ?? '';
	if (
		params.get('hub.mode') !== 'subscribe' ||
		params.get('hub.verify_token') !== settings.webhookVerifyToken ||
		!/^[A-Za-z0-9_-]{1,128}$/.test(challenge)
	) {
		throw new AppError(403, 'verification_failed', 'Token verifikasi tidak cocok (verify token mismatch).');
	}
	return challenge;
}

/**
 * A delivery from Meta: its X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret)
 * is checked before anything is parsed; then every inbound message is recorded. Returns how many.
 */
export async function receiveWebhook(
	sql: Sql,
	slug: string,
	rawBody: string,
	signature: string | null
): Promise<number> {
	const settings = await configured(sql, slug);
	const api = whatsAppApi({
		...settings,
		phoneNumberId: settings.phoneNumberId ?? '',
		accessToken: settings.accessToken ?? ''
	});
	if (
		!signature ||
		!/^sha256=[0-9a-f]{64}$/.test(signature) ||
		!(await api.verifyRequestSignature(rawBody, signature))
	) {
		throw new AppError(401, 'bad_signature', 'Tanda tangan webhook tidak sah (invalid X-Hub-Signature-256).');
	}
	let data: unknown;
	try {
		data = JSON.parse(rawBody);
	} catch {
		throw badRequest('Body bukan JSON yang sah (malformed JSON).', 'invalid_json');
	}
	assertSafeKeys(data);
	const payload = parseWith(webhookSchema, data);
	let recorded = 0;
	for (const entry of payload.entry) {
		for (const change of entry.changes) {
			// another number of the same business account: not this MPP's conversation
			if (change.field !== 'messages' || change.value.metadata?.phone_number_id !== settings.phoneNumberId)
				continue;
			for (const message of change.value.messages ?? []) {
				await recordMessage(sql, settings.mppId, message);
				recorded++;
			}
		}
	}
	return recorded;
}

async function recordMessage(
	sql: Sql,
	mppId: string,
	message: z.infer<typeof inboundMessage>
): Promise<void> {
	let ticketId: string | null = null;
	const text = message.text?.body ?? '';
	const words = [...text.matchAll(trackCodeInText)].slice(0, MAX_CODES_LOOKED_UP);
	for (const [, word] of words) {
		ticketId = await findActiveTicketOfMpp(sql, mppId, word.toLowerCase());
		if (ticketId) break;
	}
	// a booking not checked in yet: linked now, told about once it is a ticket (booking/check-in.ts)
	let bookingId: string | null = null;
	if (!ticketId) {
		for (const [, word] of [...text.matchAll(bookingCodeInText)].slice(0, MAX_CODES_LOOKED_UP)) {
			const code = normalizeBookingCode(word);
			bookingId = code ? await findOpenBookingOfMpp(sql, mppId, code) : null;
			if (bookingId) break;
		}
	}
	await recordInbound(sql, {
		id: uuidv7(),
		mppId,
		phone: `+${message.from}`,
		at: new Date(Number(message.timestamp) * 1000),
		ticketId,
		bookingId
	});
}
