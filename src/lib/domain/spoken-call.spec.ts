import { describe, expect, it } from 'vitest';
import { counterNameToWords, numberToWords, spokenCall, ticketNumberToWords } from './spoken-call';

describe('numberToWords', () => {
	it.each([
		[1, 'satu'],
		[9, 'sembilan'],
		[10, 'sepuluh'],
		[11, 'sebelas'],
		[12, 'dua belas'],
		[19, 'sembilan belas'],
		[20, 'dua puluh'],
		[21, 'dua puluh satu'],
		[99, 'sembilan puluh sembilan'],
		[100, 'seratus'],
		[101, 'seratus satu'],
		[110, 'seratus sepuluh'],
		[111, 'seratus sebelas'],
		[115, 'seratus lima belas'],
		[123, 'seratus dua puluh tiga'],
		[200, 'dua ratus'],
		[305, 'tiga ratus lima'],
		[999, 'sembilan ratus sembilan puluh sembilan']
	])('%i → %s', (n, words) => expect(numberToWords(n)).toBe(words));

	it('reads every number from 1 to 999 with words only, never "se" before puluh or ratus above one', () => {
		for (let n = 1; n <= 999; n++) {
			const words = numberToWords(n);
			expect(words).toMatch(/^[a-z ]+$/);
			expect(words).not.toMatch(/satu (puluh|ratus|belas)/);
			expect(words).not.toMatch(/\s{2}/);
		}
	});

	it('all 999 readings are different', () => {
		const all = new Set(Array.from({ length: 999 }, (_, i) => numberToWords(i + 1)));
		expect(all.size).toBe(999);
	});

	it('refuses what a ticket cannot carry', () => {
		expect(() => numberToWords(1000)).toThrow(RangeError);
		expect(() => numberToWords(-1)).toThrow(RangeError);
		expect(() => numberToWords(1.5)).toThrow(RangeError);
	});
});

describe('ticket numbers and counter names', () => {
	it('drops leading zeros and keeps the letter', () => {
		expect(ticketNumberToWords('A001')).toBe('A satu');
		expect(ticketNumberToWords('B010')).toBe('B sepuluh');
		expect(ticketNumberToWords('AB007')).toBe('A B tujuh');
	});

	it('reads digits in counter names as words', () => {
		expect(counterNameToWords('Loket 5')).toBe('loket lima');
		expect(counterNameToWords('Loket Imigrasi 12')).toBe('loket imigrasi dua belas');
		expect(counterNameToWords('Loket 3A')).toBe('loket tiga a');
	});

	it('speaks the whole call as DOMAIN §5 describes', () => {
		expect(spokenCall('A123', 'Loket 5')).toBe(
			'Nomor antrean A seratus dua puluh tiga, silakan menuju loket lima'
		);
		expect(spokenCall('D007', 'Imigrasi 2')).toBe('Nomor antrean D tujuh, silakan menuju loket imigrasi dua');
	});
});
