// The code in a citizen's tracking URL (/t/<code>): unguessable, short enough to type from a slip.
// 10 base32 characters = 50 random bits; the UNIQUE constraint catches the astronomically rare clash.
import { randomBytes } from '../random-bytes';

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols without l, o, 0, 1 (misread on paper)

export function generateTrackCode(length = 10): string {
	const bytes = randomBytes(length);
	let code = '';
	for (const byte of bytes) code += alphabet[byte & 31];
	return code;
}
