import { describe, expect, it } from 'vitest';
import { waMeUrl } from './wa-me';

describe('wa.me link', () => {
	it('opens a chat with the business number and the track code already typed', () => {
		const url = new URL(waMeUrl('+6281234567890', 'abcdefghjk', 'id'));
		expect(url.origin).toBe('https://wa.me');
		expect(url.pathname).toBe('/6281234567890');
		expect(url.searchParams.get('text')).toBe('Kabari saya: abcdefghjk');
	});
});
