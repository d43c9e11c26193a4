// Invitation and reset links (issue 6 "People"): one row per link, keyed by the SHA-256 of its token.
// One query per function; the rules are in admin/password-links.ts.
import type { Role } from '$lib/domain/types';
import type { Db } from './client';

export type LinkPurpose = 'invite' | 'reset';

export interface PasswordLinkRow {
	id: string;
	userId: string;
	purpose: LinkPurpose;
	expiresAt: Date;
	usedAt: Date | null;
	user: { email: string; name: string; role: Role; mppId: string | null; active: boolean };
}

export async function insertPasswordLink(
	db: Db,
	l: { id: string; userId: string; purpose: LinkPurpose; createdBy: string; expiresAt: Date }
): Promise<void> {
	await db`
		INSERT INTO password_links (id, user_id, purpose, created_by, expires_at)
		VALUES (${l.id}, ${l.userId}, ${l.purpose}, ${l.createdBy}, ${l.expiresAt})`;
}

/** A newer link replaces the person's open ones: only the last link handed out works. */
export async function expireOpenLinksOf(db: Db, userId: string): Promise<void> {
	await db`
		UPDATE password_links SET expires_at = now()
		WHERE user_id = ${userId} AND used_at IS NULL AND expires_at > now()`;
}

/** The link and its person; `lock` holds the row for the accepting transaction. */
export async function findPasswordLink(
	db: Db,
	id: string,
	lock = false
): Promise<PasswordLinkRow | undefined> {
	const [row] = await db<(Omit<PasswordLinkRow, 'user'> & PasswordLinkRow['user'])[]>`
		SELECT l.id, l.user_id AS "userId", l.purpose, l.expires_at AS "expiresAt", l.used_at AS "usedAt",
			u.email, u.name, u.role, u.mpp_id AS "mppId", u.active
		FROM password_links l JOIN users u ON u.id = l.user_id
		WHERE l.id = ${id}
		${lock ? db`FOR UPDATE OF l` : db``}`;
	if (!row) return undefined;
	const { email, name, role, mppId, active, ...link } = row;
	return { ...link, user: { email, name, role, mppId, active } };
}

/** A password set another way (by the admin directly) settles every link still unused. */
export async function retireLinksOf(db: Db, userId: string): Promise<void> {
	await db`UPDATE password_links SET used_at = now() WHERE user_id = ${userId} AND used_at IS NULL`;
}

export async function markLinkUsed(db: Db, id: string): Promise<void> {
	await db`UPDATE password_links SET used_at = now() WHERE id = ${id}`;
}

/** The people among `userIds` who were invited and have not chosen a password yet. */
export async function pendingInvites(db: Db, userIds: string[]): Promise<Set<string>> {
	if (userIds.length === 0) return new Set();
	const rows = await db<{ userId: string }[]>`
		SELECT DISTINCT user_id AS "userId" FROM password_links l
		WHERE user_id = ANY(${userIds}::uuid[]) AND purpose = 'invite'
			AND NOT EXISTS (SELECT 1 FROM password_links d WHERE d.user_id = l.user_id AND d.used_at IS NOT NULL)`;
	return new Set(rows.map((r) => r.userId));
}
