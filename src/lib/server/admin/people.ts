// People (issue 6 "People"): an MPP's admin creates its staff with a role, assigns operators to
// counters, resets a password and deactivates a person. A deactivated person or a reset password
// ends their sessions at once, their open sockets included.
import { z } from 'zod';
import type { Role } from '../../domain/types';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import type { Db, Sql } from '../db/client';
import { listCounterRows } from '../db/catalogue-edits';
import {
	deleteSessionsOf,
	listPeople,
	lockPerson,
	setOperatorCounters,
	updatePersonRow,
	type PersonRow
} from '../db/people';
import { findUserByEmail, insertUser } from '../db/users';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { fieldError, id, parseInput, problemMessage, text } from './input';
import { save, type Saved } from './live';

/** The roles an MPP's admin gives; the national ones (superadmin, ministry) are not an MPP's to give. */
export const mppRoles = ['mpp_admin', 'supervisor', 'operator'] as const satisfies readonly Role[];

const password = z
	.string({ error: problemMessage('admin.invalid.required') })
	.min(10, problemMessage('admin.invalid.passwordShort', { min: 10 }))
	.max(200, problemMessage('admin.invalid.tooLong', { max: 200 }));

const counterIds = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(id).max(100)
);

const personSchema = z.object({
	name: text(200),
	role: z.enum(mppRoles, problemMessage('admin.invalid.choice')),
	counterIds
});

const newPersonSchema = personSchema.extend({
	email: z
		.string({ error: problemMessage('admin.invalid.required') })
		.trim()
		.toLowerCase()
		.max(254, problemMessage('admin.invalid.tooLong', { max: 254 }))
		.pipe(z.email(problemMessage('admin.invalid.email'))),
	password
});

export async function listPeopleForAdmin(sql: Sql, actor: Actor, mppId: string): Promise<PersonRow[]> {
	requireMppAdmin(actor, mppId);
	return listPeople(sql, mppId);
}

async function checkCounters(tx: Db, mppId: string, ids: string[]) {
	const counters = new Set((await listCounterRows(tx, mppId)).filter((c) => c.active).map((c) => c.id));
	if (ids.some((c) => !counters.has(c))) throw fieldError('counterIds', 'admin.invalid.choice');
}

export async function createPerson(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<PersonRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(newPersonSchema, input);
	const passwordHash = await hashPassword(data.password);
	return save(sql, async ({ tx }) => {
		if (await findUserByEmail(tx, data.email)) throw fieldError('email', 'admin.invalid.emailTaken');
		const created = await insertUser(tx, {
			email: data.email,
			name: data.name,
			passwordHash,
			role: data.role,
			mppId
		});
		const assigned = data.role === 'operator' ? data.counterIds : [];
		await checkCounters(tx, mppId, assigned);
		await setOperatorCounters(tx, created.id, assigned);
		const person = (await lockPerson(tx, created.id))!;
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'user',
			entityId: person.id,
			entityName: `${person.name} <${person.email}>`,
			action: 'created',
			changes: diff(undefined, person, ['email', 'name', 'role', 'counterIds'])
		});
		return person;
	});
}

async function lockOwn(tx: Db, mppId: string, personId: string) {
	const person = z.uuid().safeParse(personId).success ? await lockPerson(tx, personId) : undefined;
	if (!person || person.mppId !== mppId) throw notFound('Pengguna tidak ditemukan.', 'user_not_found');
	return person;
}

export async function updatePerson(
	sql: Sql,
	actor: Actor,
	mppId: string,
	personId: string,
	input: unknown
): Promise<Saved<PersonRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(personSchema, input);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const before = await lockOwn(tx, mppId, personId);
		// an admin cannot lock themselves out of the administration by mistake
		if (before.id === user.id && data.role !== before.role) throw fieldError('role', 'admin.invalid.ownRole');
		const assigned = data.role === 'operator' ? data.counterIds : [];
		await checkCounters(tx, mppId, assigned);
		await updatePersonRow(tx, personId, { name: data.name, role: data.role });
		await setOperatorCounters(tx, personId, assigned);
		const after = (await lockPerson(tx, personId))!;
		const changes = diff(before, after, ['name', 'role', 'counterIds']);
		if (Object.keys(changes).length) {
			await audit(tx, {
				mppId,
				userId: user.id,
				entity: 'user',
				entityId: personId,
				entityName: `${after.name} <${after.email}>`,
				action: 'updated',
				changes
			});
		}
		// a new role takes effect on the next sign-in; open sessions end so nobody keeps the old one
		if (changes.role) disconnectSessions(await deleteSessionsOf(tx, personId));
		return after;
	});
}

export async function resetPassword(
	sql: Sql,
	actor: Actor,
	mppId: string,
	personId: string,
	input: unknown
): Promise<Saved<PersonRow>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(z.object({ password }), input);
	const passwordHash = await hashPassword(data.password);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const person = await lockOwn(tx, mppId, personId);
		await updatePersonRow(tx, personId, { password_hash: passwordHash });
		disconnectSessions(await deleteSessionsOf(tx, personId));
		// the password itself is never recorded, only that it changed
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'user',
			entityId: personId,
			entityName: `${person.name} <${person.email}>`,
			action: 'updated',
			changes: { password: ['•', '•'] }
		});
		return person;
	});
}

export async function setPersonActive(
	sql: Sql,
	actor: Actor,
	mppId: string,
	personId: string,
	active: boolean
): Promise<Saved<PersonRow>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const before = await lockOwn(tx, mppId, personId);
		if (before.active === active) return before;
		if (before.id === user.id) throw fieldError('active', 'admin.invalid.ownAccount');
		await updatePersonRow(tx, personId, { active });
		if (!active) disconnectSessions(await deleteSessionsOf(tx, personId));
		await audit(tx, {
			mppId,
			userId: user.id,
			entity: 'user',
			entityId: personId,
			entityName: `${before.name} <${before.email}>`,
			action: active ? 'activated' : 'deactivated',
			changes: { active: [before.active, active] }
		});
		return (await lockPerson(tx, personId))!;
	});
}
