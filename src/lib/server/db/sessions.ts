// Session rows (Lucia's design): the id is the SHA-256 of the token the client holds.
import type { Role } from '../../domain/types';
import type { Db } from './client';

export interface SessionWithUser {
	sessionId: string;
	expiresAt: Date;
	createdAt: Date;
	user: { id: string; email: string; name: string; role: Role; mppId: string | null; active: boolean };
}

export async function insertSession(
	db: Db,
	s: { id: string; userId: string; expiresAt: Date }
): Promise<void> {
	await db`INSERT INTO sessions (id, user_id, expires_at) VALUES (${s.id}, ${s.userId}, ${s.expiresAt})`;
}

export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser | undefined> {
	const [row] = await db<(Omit<SessionWithUser, 'user'> & SessionWithUser['user'] & { userId: string })[]>`
		SELECT s.id AS "sessionId", s.expires_at AS "expiresAt", s.created_at AS "createdAt", u.id AS "userId", u.email, u.name, u.role,
			u.mpp_id AS "mppId", u.active
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.id = ${id}`;
	if (!row) return undefined;
	const { sessionId, expiresAt, createdAt, userId, email, name, role, mppId, active } = row;
	return { sessionId, expiresAt, createdAt, user: { id: userId, email, name, role, mppId, active } };
}

export async function updateSessionExpiry(db: Db, id: string, expiresAt: Date): Promise<void> {
	await db`UPDATE sessions SET expires_at = ${expiresAt} WHERE id = ${id}`;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db`DELETE FROM sessions WHERE id = ${id}`;
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
	const result = await db`DELETE FROM sessions WHERE user_id = ${userId}`;
	return result.count;
}

/** Sessions past their expiry or older than maxAgeMs since sign-in. */
export async function deleteExpiredSessions(db: Db, maxAgeMs: number): Promise<number> {
	const result = await db`DELETE FROM sessions
		WHERE expires_at <= now() OR created_at <= now() - ${maxAgeMs} * interval '1 millisecond'`;
	return result.count;
}

export async function deleteExpiredUserSessions(db: Db, userId: string, maxAgeMs: number): Promise<number> {
	const result = await db`DELETE FROM sessions WHERE user_id = ${userId}
		AND (expires_at <= now() OR created_at <= now() - ${maxAgeMs} * interval '1 millisecond')`;
	return result.count;
}
