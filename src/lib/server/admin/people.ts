// People (issue 6 "People"): an MPP's admin creates or invites its staff with a role, assigns
// operators to counters, resets a password (directly or by a link) and deactivates a person. A
// deactivated person or a reset password ends their sessions at once, their open sockets included.
import { z } from 'zod';
import type { Role } from '../../domain/types';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { generateToken } from '../auth/tokens';
import type { Db, Sql, Tx } from '../db/client';
import { listCounterRows } from '../db/catalogue-edits';
import {
	deleteSessionsOf,
	listPeople,
	lockPerson,
	setOperatorCounters,
	updatePersonRow,
	type PersonRow
} from '../db/people';
import { retireLinksOf } from '../db/password-links';
import { findUserByEmail, insertUser } from '../db/users';
import { notFound } from '../errors';
import { requireMppAdmin } from './access';
import { audit, diff } from './audit';
import { fieldError, id, parseInput, problemMessage } from './input';
import { save, type Saved } from './live';
import { issueLink, type IssuedLink } from './password-links';
import { email, password, personName, refuseGuessablePassword } from './people-schemas';

/** The roles an MPP's admin gives; the national ones (superadmin, ministry) are not an MPP's to give. */
export const mppRoles = ['mpp_admin', 'supervisor', 'operator'] as const satisfies readonly Role[];

const counterIds = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(id).max(100)
);

const personSchema = z.object({
	name: personName,
	role: z.enum(mppRoles, problemMessage('admin.invalid.choice')),
	counterIds
});

const invitedPersonSchema = personSchema.extend({ email });
const newPersonSchema = invitedPersonSchema.extend({ password });

/** A person created with a link to choose their own password, shown once to the admin. */
export interface Invited {
	person: PersonRow;
	link: IssuedLink;
}

/**
 * The password hash of an invited account: the hash of a random secret nobody holds, so the account
 * signs nobody in until the link is used, and a sign-in attempt takes as long as for anyone else.
 */
export const unusablePasswordHash = () => hashPassword(generateToken());

/** Inserts a person (of an MPP, or national with `mppId` null) and records who added them. */
export async function addPerson(
	tx: Tx,
	by: string,
	p: { email: string; name: string; role: Role; mppId: string | null; passwordHash: string },
	action: 'created' | 'invited',
	counters: (personId: string) => Promise<void> = async () => {}
): Promise<PersonRow> {
	if (await findUserByEmail(tx, p.email)) throw fieldError('email', 'admin.invalid.emailTaken');
	const created = await insertUser(tx, p);
	await counters(created.id);
	const person = (await lockPerson(tx, created.id))!;
	await audit(tx, {
		mppId: p.mppId,
		userId: by,
		entity: 'user',
		entityId: person.id,
		entityName: `${person.name} <${person.email}>`,
		action,
		changes: diff(undefined, person, ['email', 'name', 'role', 'counterIds'])
	});
	return person;
}

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
	await refuseGuessablePassword(data.password, [data.email, data.name]);
	const passwordHash = await hashPassword(data.password);
	return save(sql, async ({ tx }) => addStaff(tx, user.id, mppId, data, passwordHash, 'created'));
}

/** Like createPerson, without a password: the person chooses one through the link returned. */
export async function invitePerson(
	sql: Sql,
	actor: Actor,
	mppId: string,
	input: unknown
): Promise<Saved<Invited>> {
	const user = requireMppAdmin(actor, mppId);
	const data = parseInput(invitedPersonSchema, input);
	const passwordHash = await unusablePasswordHash();
	return save(sql, async ({ tx }) => {
		const person = await addStaff(tx, user.id, mppId, data, passwordHash, 'invited');
		const link = await issueLink(tx, { userId: person.id, purpose: 'invite', createdBy: user.id });
		// read again: the row now shows the invitation as pending
		return { person: (await lockPerson(tx, person.id))!, link };
	});
}

function addStaff(
	tx: Tx,
	by: string,
	mppId: string,
	data: z.infer<typeof invitedPersonSchema>,
	passwordHash: string,
	action: 'created' | 'invited'
): Promise<PersonRow> {
	const { email, name, role } = data;
	return addPerson(tx, by, { email, name, role, mppId, passwordHash }, action, async (personId) => {
		const assigned = role === 'operator' ? data.counterIds : [];
		await checkCounters(tx, mppId, assigned);
		await setOperatorCounters(tx, personId, assigned);
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
	const known = await lockOwn(sql, mppId, personId);
	await refuseGuessablePassword(data.password, [known.email, known.name]);
	const passwordHash = await hashPassword(data.password);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const person = await lockOwn(tx, mppId, personId);
		await updatePersonRow(tx, personId, { password_hash: passwordHash });
		// links handed out before would otherwise override the password just set
		await retireLinksOf(tx, personId);
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

/**
 * A link for the person to choose a password: a new invitation while they have not used theirs, else
 * a reset link. Their current password and sessions stay until the link is used.
 */
export async function createPasswordLink(
	sql: Sql,
	actor: Actor,
	mppId: string,
	personId: string
): Promise<Saved<Invited>> {
	const user = requireMppAdmin(actor, mppId);
	return save(sql, async ({ tx }) => {
		const person = await lockOwn(tx, mppId, personId);
		return { person, link: await issueLinkFor(tx, user.id, person) };
	});
}

/** Shared with the national people: an active person's new link, recorded in the audit. */
export async function issueLinkFor(tx: Tx, by: string, person: PersonRow): Promise<IssuedLink> {
	if (!person.active) throw fieldError('active', 'admin.invalid.personInactive');
	const purpose = person.invitePending ? 'invite' : 'reset';
	const link = await issueLink(tx, { userId: person.id, purpose, createdBy: by });
	await audit(tx, {
		mppId: person.mppId,
		userId: by,
		entity: 'user',
		entityId: person.id,
		entityName: `${person.name} <${person.email}>`,
		action: purpose === 'invite' ? 'invited' : 'updated',
		changes: { passwordLink: [null, purpose] }
	});
	return link;
}
