// The booking code a citizen reads out at the kiosk or types on a phone: 8 capitals and digits from
// 32 symbols without 0, 1, O and L (misread on paper, as for track codes in queue/track-code.ts). 40 random bits;
// the UNIQUE constraint catches the rare clash. Shown as XXXX-XXXX.
import { randomBytes } from '../random-bytes';

const alphabet = 'ABCDEFGHIJKMNPQRSTUVWXYZ23456789';

export function generateBookingCode(): string {
	let code = '';
	for (const byte of randomBytes(8)) code += alphabet[byte & 31];
	return code;
}

/** What a person typed or a QR carried ("abcd-efgh ", "ABCDEFGH") → the stored code, or null. */
export function normalizeBookingCode(input: string): string | null {
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	return /^[A-Z2-9]{8}$/.test(code) && [...code].every((c) => alphabet.includes(c)) ? code : null;
}

export function formatBookingCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
