// Sessions after Lucia's published guide (https://lucia-auth.com/sessions/basic): the client holds a
// random token, the database only its SHA-256, and an active session slides forward before it expires.
// Sliding has a ceiling (issue 10 item 8): a session ends SESSION_MAX_AGE_MS after sign-in however
// often it is used, so a stolen cookie or bearer token is not good forever. Expired rows are purged on
// sign-in (the user's own) and by server/session-purge.ts (everyone's).
import type { Db } from '../db/client';
import {
	deleteExpiredSessions,
	deleteExpiredUserSessions,
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
/** The absolute lifetime: counted from sign-in, no renewal goes past it. */
export const SESSION_MAX_AGE_MS = 30 * DAY;

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
	const expiresAt = new Date(Date.now() + Math.min(SESSION_LIFETIME_MS, SESSION_MAX_AGE_MS));
	await deleteExpiredUserSessions(db, userId, SESSION_MAX_AGE_MS);
	await insertSession(db, { id: sessionId, userId, expiresAt });
	return { token, sessionId, expiresAt };
}

export async function validateSessionToken(db: Db, token: string): Promise<ValidSession | null> {
	if (!token) return null;
	const sessionId = hashToken(token);
	const row = await findSessionWithUser(db, sessionId);
	if (!row) return null;
	const now = Date.now();
	const end = row.createdAt.getTime() + SESSION_MAX_AGE_MS;
	if (now >= row.expiresAt.getTime() || now >= end) {
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
	const expiresAt = new Date(Math.min(now + SESSION_LIFETIME_MS, end));
	if (expiresAt.getTime() <= row.expiresAt.getTime()) {
		return { user, sessionId, expiresAt: row.expiresAt, renewed: false };
	}
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

/** Deletes every session past its expiry or its absolute lifetime; returns how many. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
	return deleteExpiredSessions(db, SESSION_MAX_AGE_MS);
}
