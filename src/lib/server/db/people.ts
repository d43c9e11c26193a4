// The people of one MPP as its admin manages them. One query per function; rules in admin/people.ts.
import type { Role } from '$lib/domain/types';
import type { Db } from './client';

export interface PersonRow {
	id: string;
	email: string;
	name: string;
	role: Role;
	mppId: string | null;
	active: boolean;
	/** the counters an operator is assigned to */
	counterIds: string[];
	/** invited and not yet through the link: the account has no password anyone knows */
	invitePending: boolean;
}

const columns = (db: Db) => db`
	u.id, u.email, u.name, u.role, u.mpp_id AS "mppId", u.active,
	coalesce((SELECT array_agg(co.counter_id ORDER BY co.counter_id) FROM counter_operators co
		WHERE co.user_id = u.id), '{}') AS "counterIds",
	(EXISTS (SELECT 1 FROM password_links l WHERE l.user_id = u.id AND l.purpose = 'invite')
		AND NOT EXISTS (SELECT 1 FROM password_links l WHERE l.user_id = u.id AND l.used_at IS NOT NULL))
		AS "invitePending"`;

export async function listPeople(db: Db, mppId: string): Promise<PersonRow[]> {
	return db<PersonRow[]>`
		SELECT ${columns(db)} FROM users u WHERE u.mpp_id = ${mppId} ORDER BY u.active DESC, u.role, u.name`;
}

/** The superadmins and the ministry's people: the accounts without an MPP. */
export async function listNationalPeople(db: Db): Promise<PersonRow[]> {
	return db<PersonRow[]>`
		SELECT ${columns(db)} FROM users u WHERE u.mpp_id IS NULL ORDER BY u.active DESC, u.role, u.name`;
}

export async function lockPerson(db: Db, id: string): Promise<PersonRow | undefined> {
	const [row] = await db<PersonRow[]>`SELECT ${columns(db)} FROM users u WHERE u.id = ${id} FOR UPDATE OF u`;
	return row;
}

export async function updatePersonRow(
	db: Db,
	id: string,
	patch: { name?: string; role?: Role; active?: boolean; password_hash?: string }
): Promise<void> {
	await db`UPDATE users SET ${db(patch as Record<string, unknown>)} WHERE id = ${id}`;
}

export async function setOperatorCounters(db: Db, userId: string, counterIds: string[]): Promise<void> {
	await db`DELETE FROM counter_operators WHERE user_id = ${userId} AND NOT (counter_id = ANY(${counterIds}::uuid[]))`;
	if (counterIds.length === 0) return;
	await db`
		INSERT INTO counter_operators (counter_id, user_id)
		SELECT unnest(${counterIds}::uuid[]), ${userId} ON CONFLICT DO NOTHING`;
}

/** Ends every session of the person; returns their ids so their sockets can be ended too. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<string[]> {
	const rows = await db<{ id: string }[]>`DELETE FROM sessions WHERE user_id = ${userId} RETURNING id`;
	return rows.map((r) => r.id);
}
