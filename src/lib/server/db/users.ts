import type { Role } from '$lib/domain/types';
import type { Db } from './client';

export interface UserRow {
	id: string;
	email: string;
	name: string;
	role: Role;
	mppId: string | null;
	active: boolean;
	passwordHash: string;
}

export async function insertUser(
	db: Db,
	u: { email: string; name: string; passwordHash: string; role: Role; mppId: string | null }
): Promise<UserRow> {
	const [row] = await db<UserRow[]>`
		INSERT INTO users (email, name, password_hash, role, mpp_id)
		VALUES (${u.email.toLowerCase()}, ${u.name}, ${u.passwordHash}, ${u.role}, ${u.mppId})
		RETURNING id, email, name, role, mpp_id AS "mppId", active, password_hash AS "passwordHash"`;
	return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
	const [row] = await db<UserRow[]>`
		SELECT id, email, name, role, mpp_id AS "mppId", active, password_hash AS "passwordHash"
		FROM users WHERE email = ${email.toLowerCase()}`;
	return row;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
	await db`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${userId}`;
}
