// The words a lobby TV speaks for a call (DOMAIN §5): chime, then "Nomor antrean", the letter,
// the number as a cardinal in words with leading zeros dropped, then "silakan menuju loket N".
// KBBI spells "silakan" (not "silahkan").

const ones = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** 0–999 in Indonesian words: 11 = "sebelas", 100 = "seratus", 123 = "seratus dua puluh tiga". */
export function numberToWords(n: number): string {
	if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`numberToWords: ${n} is outside 0–999`);
	if (n === 0) return 'nol';
	const words: string[] = [];
	const hundreds = Math.floor(n / 100);
	const rest = n % 100;
	if (hundreds === 1) words.push('seratus');
	else if (hundreds > 1) words.push(`${ones[hundreds]} ratus`);
	if (rest >= 20) {
		words.push(`${ones[Math.floor(rest / 10)]} puluh`);
		if (rest % 10) words.push(ones[rest % 10]);
	} else if (rest >= 12) {
		words.push(`${ones[rest % 10]} belas`);
	} else if (rest === 11) {
		words.push('sebelas');
	} else if (rest === 10) {
		words.push('sepuluh');
	} else if (rest > 0) {
		words.push(ones[rest]);
	}
	return words.join(' ');
}

/** "A123" → "A seratus dua puluh tiga"; "AB007" → "A B tujuh". */
export function ticketNumberToWords(ticketNumber: string): string {
	const match = /^([A-Z]{1,2})(\d{1,3})$/.exec(ticketNumber.trim().toUpperCase());
	if (!match) throw new RangeError(`not a ticket number: "${ticketNumber}"`);
	const [, letters, digits] = match;
	return `${letters.split('').join(' ')} ${numberToWords(Number(digits))}`;
}

/** "Loket 5" → "loket lima"; "Loket Imigrasi 12" → "loket imigrasi dua belas". */
export function counterNameToWords(name: string): string {
	return name
		.trim()
		.replace(/\s+/g, ' ')
		.replace(/\d{1,3}/g, (digits) => ` ${numberToWords(Number(digits))} `)
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

export function spokenCall(ticketNumber: string, counterName: string): string {
	return `Nomor antrean ${ticketNumberToWords(ticketNumber)}, silakan menuju ${spokenCounter(counterName)}`;
}

/** Counter names usually start with "Loket"; a bare "5" or "Imigrasi 2" still reads as a loket. */
function spokenCounter(counterName: string): string {
	const words = counterNameToWords(counterName);
	return /^(loket|konter|meja|counter)\b/.test(words) ? words : `loket ${words}`;
}
