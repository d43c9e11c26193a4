// The two credentials a browser carries: a person's session and a paired device's token.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'antrean_session';
export const DEVICE_COOKIE = 'antrean_device';

// Browsers cap cookie lifetimes at 400 days (RFC 6265bis); a paired TV re-pairs after that at worst.
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/**
 * `Secure` whenever the site is served over https (production sets ORIGIN=https://…). Over plain
 * http a browser drops Secure cookies, so a lobby TV or kiosk paired over a LAN address
 * (http://192.168.x.x:3000, the demo) would silently never stay paired; an http deployment
 * exposes its cookies on the wire anyway, so marking them Secure there protects nothing.
 */
export function secureOption(url: URL | undefined): { secure?: boolean } {
	// Without a URL the key must be absent, not undefined: SvelteKit spreads it over its default.
	return url ? { secure: url.protocol === 'https:' } : {};
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, url?: URL): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		expires: expiresAt,
		...secureOption(url)
	});
}

export function deleteSessionCookie(cookies: Cookies, url?: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', ...secureOption(url) });
}

export function setDeviceCookie(cookies: Cookies, token: string, url?: URL): void {
	cookies.set(DEVICE_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: DEVICE_COOKIE_MAX_AGE,
		...secureOption(url)
	});
}

export function deleteDeviceCookie(cookies: Cookies, url?: URL): void {
	cookies.delete(DEVICE_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', ...secureOption(url) });
}
