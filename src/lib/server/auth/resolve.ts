// Who is calling: `Authorization: Bearer` (a session token, else a device token), then the session
// cookie, then the device cookie. Anything unknown, expired or revoked is anonymous.
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { findActiveDeviceByTokenHash, isRevokedDeviceTokenHash, touchDevice } from '../db/devices';
import type { Actor, PairedDevice } from './actor';
import {
	DEVICE_COOKIE,
	SESSION_COOKIE,
	deleteDeviceCookie,
	deleteSessionCookie,
	setSessionCookie
} from './cookies';
import { validateSessionToken } from './session';
import { hashToken } from './tokens';

export interface Credentials {
	sessionToken?: string | null;
	authorization?: string | null;
	deviceToken?: string | null;
}

export interface Authentication {
	actor: Actor;
	/** the credential that produced the actor */
	source: 'bearer' | 'session_cookie' | 'device_cookie' | null;
	/** set when the actor is a user: a renewed cookie session needs a fresh cookie */
	session?: { expiresAt: Date; renewed: boolean };
	/** a cookie was presented that signs nobody in any more, so the door can clear it */
	staleSessionCookie: boolean;
	staleDeviceCookie: boolean;
	/**
	 * the device credential presented belongs to a revoked device: its screen says so and how to pair
	 * again, instead of looking merely "not paired" or retrying a connection forever
	 */
	revokedDevice: boolean;
}

const anonymous: Actor = { kind: 'anonymous' };
// Our tokens are 32 characters; anything much longer is not worth hashing.
const MAX_TOKEN_LENGTH = 256;

export function bearerToken(authorization: string | null | undefined): string | null {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	return match && match[1].length <= MAX_TOKEN_LENGTH ? match[1] : null;
}

export async function authenticate(db: Db, credentials: Credentials): Promise<Authentication> {
	const result: Authentication = {
		actor: anonymous,
		source: null,
		staleSessionCookie: false,
		staleDeviceCookie: false,
		revokedDevice: false
	};
	if (credentials.authorization) {
		// An explicit header is the caller's whole answer: a bad one never falls back to cookies.
		const token = bearerToken(credentials.authorization);
		if (!token) return result;
		const session = await validateSessionToken(db, token);
		if (session) {
			const { user, sessionId, expiresAt, renewed } = session;
			return {
				...result,
				actor: { kind: 'user', user, sessionId },
				source: 'bearer',
				session: { expiresAt, renewed }
			};
		}
		const device = await findDevice(db, token);
		if (device) return { ...result, actor: { kind: 'device', device }, source: 'bearer' };
		return { ...result, revokedDevice: await isRevokedDeviceTokenHash(db, hashToken(token)) };
	}
	const sessionToken = usable(credentials.sessionToken);
	if (sessionToken) {
		const session = await validateSessionToken(db, sessionToken);
		if (session) {
			const { user, sessionId, expiresAt, renewed } = session;
			return {
				...result,
				actor: { kind: 'user', user, sessionId },
				source: 'session_cookie',
				session: { expiresAt, renewed }
			};
		}
		result.staleSessionCookie = true;
	}
	const deviceToken = usable(credentials.deviceToken);
	if (deviceToken) {
		const device = await findDevice(db, deviceToken);
		if (device) return { ...result, actor: { kind: 'device', device }, source: 'device_cookie' };
		result.staleDeviceCookie = true;
		// only asked of a cookie that failed, so a working device pays nothing for it
		result.revokedDevice = await isRevokedDeviceTokenHash(db, hashToken(deviceToken));
	}
	return result;
}

export async function resolveActor(db: Db, credentials: Credentials): Promise<Actor> {
	return (await authenticate(db, credentials)).actor;
}

/** The credentials of an HTTP request, for hooks.server.ts. */
export function credentialsFromRequest(cookies: Cookies, request: Request): Credentials {
	return {
		sessionToken: cookies.get(SESSION_COOKIE) ?? null,
		deviceToken: cookies.get(DEVICE_COOKIE) ?? null,
		authorization: request.headers.get('authorization')
	};
}

/**
 * After `authenticate`, keeps the browser's cookies in step: a renewed session gets a cookie with
 * the new expiry, and cookies that sign nobody in are removed.
 */
export function refreshAuthCookies(
	cookies: Cookies,
	auth: Authentication,
	credentials: Credentials,
	url?: URL
) {
	if (auth.source === 'session_cookie' && auth.session?.renewed && credentials.sessionToken) {
		setSessionCookie(cookies, credentials.sessionToken, auth.session.expiresAt, url);
	}
	if (auth.staleSessionCookie) deleteSessionCookie(cookies, url);
	if (auth.staleDeviceCookie) deleteDeviceCookie(cookies, url);
}

function usable(token: string | null | undefined): string | null {
	return token && token.length <= MAX_TOKEN_LENGTH ? token : null;
}

async function findDevice(db: Db, token: string): Promise<PairedDevice | null> {
	const row = await findActiveDeviceByTokenHash(db, hashToken(token));
	if (!row) return null;
	await touchDevice(db, row.id);
	return { id: row.id, mppId: row.mppId, kind: row.kind, name: row.name };
}
