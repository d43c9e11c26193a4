import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBooking, verifySignedBooking } from './signed-qr';

const pair = () => {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return {
		publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
		privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
	};
};
const booking = {
	id: '0192f0c4-0000-7000-8000-000000000003',
	code: 'ABCD2345',
	mppId: '0192f0c4-0000-7000-8000-000000000001',
	serviceId: '0192f0c4-0000-7000-8000-000000000002',
	slotStart: new Date('2026-12-05T01:15:00Z'),
	name: 'Yohanes Wanimbo'
};

describe('signed booking QR', () => {
	it('carries the booking, checked with the public key alone', () => {
		const key = pair();
		const text = signBooking(key.privateKey, booking);
		expect(text.startsWith('AB1.')).toBe(true);
		expect(verifySignedBooking(key.publicKey, text)).toEqual(booking);
	});

	it('refuses a changed booking, another key, and garbage', () => {
		const key = pair();
		const text = signBooking(key.privateKey, booking);
		const [, payload, signature] = text.split('.');
		const changed = Buffer.from(
			Buffer.from(payload, 'base64url').toString().replace('01:15', '03:15')
		).toString('base64url');
		expect(verifySignedBooking(key.publicKey, `AB1.${changed}.${signature}`)).toBeNull();
		expect(verifySignedBooking(pair().publicKey, text)).toBeNull();
		for (const junk of ['AB1.', 'AB1.x.y', 'AB1.a.b.c', `AB1.${payload}.`, 'ABCD-2345'])
			expect(verifySignedBooking(key.publicKey, junk)).toBeNull();
	});
});
