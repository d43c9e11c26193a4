// What a booking's QR carries (issue 13): the booking itself, signed by the centre with Ed25519, so an
// edge whose link dropped before the booking was made can still check it in: it checks the signature
// with the centre's public key and takes the booking from the QR. "AB1." + base64url(JSON) + "." +
// base64url(signature). A typed 8-character code keeps working everywhere the booking row is known.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { Db } from '../db/client';
import { insertBookingKey, readBookingKey } from '../db/booking-keys';
import { findBookingByCode } from '../db/bookings';

const PREFIX = 'AB1.';

export interface SignedBooking {
	id: string;
	code: string;
	mppId: string;
	serviceId: string;
	slotStart: Date;
	name: string;
}

/** The centre's key, made on first use. */
export async function bookingSigningKey(db: Db): Promise<{ publicKey: string; privateKey: string }> {
	const stored = await readBookingKey(db);
	if (stored?.privateKey) return { publicKey: stored.publicKey, privateKey: stored.privateKey };
	if (stored) throw new Error('this server holds only the public booking key (an edge signs nothing)');
	const pair = generateKeyPairSync('ed25519');
	const made = await insertBookingKey(db, {
		publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
		privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
	});
	return { publicKey: made.publicKey, privateKey: made.privateKey! };
}

export function signBooking(privateKey: string, b: SignedBooking): string {
	const payload = Buffer.from(
		JSON.stringify({
			i: b.id,
			c: b.code,
			m: b.mppId,
			s: b.serviceId,
			t: b.slotStart.toISOString(),
			n: b.name
		})
	);
	const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
	return `${PREFIX}${payload.toString('base64url')}.${sign(null, payload, key).toString('base64url')}`;
}

export function isSignedBookingText(text: string): boolean {
	return text.trim().startsWith(PREFIX);
}

/** The booking a QR carries when its signature is the centre's, else null (tampered, foreign, garbled). */
export function verifySignedBooking(publicKey: string, text: string): SignedBooking | null {
	const [payloadPart, signaturePart, ...rest] = text.trim().slice(PREFIX.length).split('.');
	if (!payloadPart || !signaturePart || rest.length || payloadPart.length > 1000) return null;
	try {
		const payload = Buffer.from(payloadPart, 'base64url');
		const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
		if (!verify(null, payload, key, Buffer.from(signaturePart, 'base64url'))) return null;
		const data = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
		const slotStart = new Date(String(data.t));
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
		if (![data.i, data.m, data.s].every((v) => typeof v === 'string' && uuid.test(v))) return null;
		if (typeof data.c !== 'string' || !/^[A-Z2-9]{8}$/.test(data.c)) return null;
		if (typeof data.n !== 'string' || Number.isNaN(slotStart.getTime())) return null;
		return {
			id: String(data.i),
			code: data.c,
			mppId: String(data.m),
			serviceId: String(data.s),
			slotStart,
			name: data.n
		};
	} catch {
		return null;
	}
}

/** The text a booking's QR shows (the centre signs it; null for an unknown code). */
export async function bookingQrText(db: Db, code: string): Promise<string | null> {
	const booking = await findBookingByCode(db, code);
	if (!booking) return null;
	const key = await bookingSigningKey(db);
	return signBooking(key.privateKey, {
		id: booking.id,
		code: booking.code,
		mppId: booking.mppId,
		serviceId: booking.serviceId,
		slotStart: booking.slotStart,
		name: booking.name
	});
}

/** The booking in a scanned QR when the centre signed it (checked with the key this server holds). */
export async function verifiedQrBooking(db: Db, text: string): Promise<SignedBooking | null> {
	const key = await readBookingKey(db);
	return key ? verifySignedBooking(key.publicKey, text) : null;
}
