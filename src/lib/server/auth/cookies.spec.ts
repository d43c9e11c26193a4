import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { setDeviceCookie, setSessionCookie } from './cookies';

function recorder() {
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		set: (name: string, value: string, options: Record<string, unknown>) => set.push({ name, value, options })
	};
	return { cookies: cookies as unknown as Cookies, set };
}

describe('session and device cookies', () => {
	const expires = new Date('2030-01-01T00:00:00Z');

	it('are HttpOnly, SameSite=Lax, site-wide, and Secure on https', () => {
		for (const url of ['https://antrean.example.go.id/login', 'https://192.168.1.20/login']) {
			const { cookies, set } = recorder();
			setSessionCookie(cookies, 'token', expires, new URL(url));
			setDeviceCookie(cookies, 'device', new URL(url));
			expect(set[0]).toEqual({
				name: 'antrean_session',
				value: 'token',
				options: { path: '/', httpOnly: true, sameSite: 'lax', expires, secure: true }
			});
			expect(set[1].name).toBe('antrean_device');
			expect(set[1].options).toMatchObject({ path: '/', httpOnly: true, secure: true });
			expect(set[1].options.maxAge).toBeGreaterThan(365 * 24 * 3600);
		}
	});

	it('drop Secure over plain http (localhost, or a TV on the LAN), where a browser would refuse it', () => {
		for (const url of ['http://localhost:3000/', 'http://127.0.0.1:3000/', 'http://192.168.1.20:3000/']) {
			const { cookies, set } = recorder();
			setSessionCookie(cookies, 'token', expires, new URL(url));
			expect(set[0].options.secure, url).toBe(false);
		}
	});

	it("leave Secure to SvelteKit's default when no URL is given", () => {
		const { cookies, set } = recorder();
		setSessionCookie(cookies, 'token', expires);
		expect('secure' in set[0].options).toBe(false);
	});
});
