// Who holds this socket, decided once at the handshake with the same rules as an HTTP request:
// the session cookie, a bearer token given in `auth.token` (TV apps, other systems), or a device cookie.
import { DEVICE_COOKIE, SESSION_COOKIE } from '../auth/cookies';
import { authenticate } from '../auth/resolve';
import { getSql } from '../db/client';
import type { AckError } from '../../realtime/events';
import type { AppSocket } from './io';

export async function authenticateSocket(socket: AppSocket): Promise<AckError | null> {
	const cookies = parseCookies(socket.request.headers.cookie);
	const token: unknown = socket.handshake.auth?.token;
	const auth = await authenticate(getSql(), {
		sessionToken: cookies.get(SESSION_COOKIE) ?? null,
		authorization: typeof token === 'string' && token ? `Bearer ${token}` : null,
		deviceToken: cookies.get(DEVICE_COOKIE) ?? null
	});
	socket.data.actor = auth.actor;
	// A revoked TV's reconnect is refused by name, so its screen can say "revoked, pair again" rather
	// than spin in "reconnecting" forever (issue 6 "Devices").
	if (auth.revokedDevice) return { code: 'device_revoked', message: REVOKED_MESSAGE };
	// anonymous sockets are welcome: they may follow a ticket by its track code, nothing else
	return null;
}

export const REVOKED_MESSAGE = 'Perangkat ini dicabut — pasangkan ulang (this device was revoked).';

export function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at < 0) continue;
		const name = part.slice(0, at).trim();
		if (!name || cookies.has(name)) continue;
		let value = part.slice(at + 1).trim();
		if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
		try {
			cookies.set(name, decodeURIComponent(value));
		} catch {
			cookies.set(name, value);
		}
	}
	return cookies;
}
