// Indonesian phone numbers (issue 12): what an admin types for the MPP's WhatsApp business number,
// and how a citizen's number is shown to staff (UU 27/2022: staff see it masked, never in full).

/** "+62 812-3456-789", "0812 3456 789", "62812…" → "+628123456789"; null when not Indonesian E.164. */
export function normaliseIndonesianPhone(input: string): string | null {
	const digits = input.replace(/[\s().-]/g, '');
	let national: string;
	if (/^\+62\d+$/.test(digits)) national = digits.slice(3);
	else if (/^62\d+$/.test(digits)) national = digits.slice(2);
	else if (/^0\d+$/.test(digits)) national = digits.slice(1);
	else return null;
	// 8–13 digits after the country code, never a leading 0 (E.164 has no trunk prefix)
	return /^[1-9]\d{7,12}$/.test(national) ? `+62${national}` : null;
}

/** The digits wa.me expects: the E.164 number without the plus. */
export function waMeNumber(e164: string): string {
	return e164.replace(/^\+/, '');
}

/**
 * "+62 812-••••-•789": the country code, the operator prefix (3 digits) and the last 3 digits stay,
 * enough to tell two citizens apart at a counter, not enough to call one.
 */
export function maskPhone(e164: string): string {
	const match = /^\+(62|\d{1,3}?)(\d+)$/.exec(e164);
	if (!match) return '••••';
	const [, country, national] = match;
	if (national.length < 7) return `+${country} ••••`;
	const prefix = national.slice(0, 3);
	const last = national.slice(-3);
	const hidden = national.length - 6;
	const middle = '•'.repeat(hidden);
	// grouped like a printed number: 3-4-rest
	const masked = `${middle.slice(0, 4)}-${middle.slice(4)}${last}`;
	return `+${country} ${prefix}-${masked}`;
}
