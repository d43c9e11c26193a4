// Sessions after Lucia's published guide (https://lucia-auth.com/sessions/basic): the client holds a
// random token, the database only its SHA-256, and an active session slides forward before it expires.
import type { Db } from '../db/client';
import {
	deleteSession,
	deleteUserSessions,
	findSessionWithUser,
	insertSession,
	updateSessionExpiry
} from '../db/sessions';
import type { SessionUser } from './actor';
import { generateToken, hashToken } from './tokens';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used with less than this left is extended to a full lifetime again. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY;

export interface NewSession {
	token: string;
	sessionId: string;
	expiresAt: Date;
}

export interface ValidSession {
	user: SessionUser;
	sessionId: string;
	expiresAt: Date;
	/** true when this validation extended the expiry: a cookie holder should get a fresh cookie */
	renewed: boolean;
}

export async function createSession(db: Db, userId: string): Promise<NewSession> {
	const token = generateToken();
	const sessionId = hashToken(token);
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await insertSession(db, { id: sessionId, userId, expiresAt });
	return { token, sessionId, expiresAt };
}

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	if (!token) return null;
	const sessionId = hashToken(token);
	const row = await findSessionWithUser(db, sessionId);
	if (!row) return null;
	const now = Date.now();
	if (now >= row.expiresAt.getTime()) {
		await deleteSession(db, sessionId);
		return null;
	}
	// A deactivated account keeps its rows (for audit) but no longer signs anyone in.
	if (!row.user.active) return null;
	const { id, email, name, role, mppId } = row.user;
	const user: SessionUser = { id, email, name, role, mppId };
	if (row.expiresAt.getTime() - now >= SESSION_RENEW_BEFORE_MS) {
		return { user, sessionId, expiresAt: row.expiresAt, renewed: false };
	}
	const expiresAt = new Date(now + SESSION_LIFETIME_MS);
	await updateSessionExpiry(db, sessionId, expiresAt);
	return { user, sessionId, expiresAt, renewed: true };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Ends every session of a user, e.g. after a password reset or deactivation. */
export async function invalidateUserSessions(db: Db, userId: string): Promise<number> {
	return deleteUserSessions(db, userId);
}

/** Logout by the token the client holds (cookie or bearer); unknown tokens are a no-op. */
export async function invalidateSessionToken(db: Db, token: string): Promise<void> {
	await deleteSession(db, hashToken(token));
}
