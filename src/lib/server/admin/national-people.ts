// National people (issue 6 "People"): the superadmins and the ministry's staff, who belong to no MPP.
// Only a superadmin adds, invites, deactivates them or hands them a password link; an MPP's admin
// never can, whatever they send (the roles are not in their schema either: see people.ts).
import { z } from 'zod';
import type { Role } from '../../domain/types';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import type { Sql, Tx } from '../db/client';
import {
	deleteSessionsOf,
	listNationalPeople,
	lockPerson,
	updatePersonRow,
	type PersonRow
} from '../db/people';
import { notFound } from '../errors';
import { requireSuperadmin } from './access';
import { audit } from './audit';
import { fieldError, parseInput, problemMessage } from './input';
import { save, type Saved } from './live';
import { issueLink } from './password-links';
import { addPerson, issueLinkFor, unusablePasswordHash, type Invited } from './people';
import { email, password, personName, refuseGuessablePassword } from './people-schemas';

export const nationalRoles = ['ministry', 'superadmin'] as const satisfies readonly Role[];

const invitedSchema = z.object({
	name: personName,
	email,
	role: z.enum(nationalRoles, problemMessage('admin.invalid.choice'))
});
const newSchema = invitedSchema.extend({ password });

export async function listNationalPeopleForAdmin(sql: Sql, actor: Actor): Promise<PersonRow[]> {
	requireSuperadmin(actor);
	return listNationalPeople(sql);
}

export async function createNationalPerson(
	sql: Sql,
	actor: Actor,
	input: unknown
): Promise<Saved<PersonRow>> {
	const user = requireSuperadmin(actor);
	const data = parseInput(newSchema, input);
	await refuseGuessablePassword(data.password, [data.email, data.name]);
	const passwordHash = await hashPassword(data.password);
	return save(sql, async ({ tx }) => addPerson(tx, user.id, { ...national(data), passwordHash }, 'created'));
}

export async function inviteNationalPerson(sql: Sql, actor: Actor, input: unknown): Promise<Saved<Invited>> {
	const user = requireSuperadmin(actor);
	const data = parseInput(invitedSchema, input);
	const passwordHash = await unusablePasswordHash();
	return save(sql, async ({ tx }) => {
		const person = await addPerson(tx, user.id, { ...national(data), passwordHash }, 'invited');
		const link = await issueLink(tx, { userId: person.id, purpose: 'invite', createdBy: user.id });
		// read again: the row now shows the invitation as pending
		return { person: (await lockPerson(tx, person.id))!, link };
	});
}

const national = (data: z.infer<typeof invitedSchema>) => ({
	email: data.email,
	name: data.name,
	role: data.role,
	mppId: null
});

async function lockNational(tx: Tx, personId: string): Promise<PersonRow> {
	const person = z.uuid().safeParse(personId).success ? await lockPerson(tx, personId) : undefined;
	if (!person || person.mppId !== null) throw notFound('Pengguna tidak ditemukan.', 'user_not_found');
	return person;
}

export async function nationalPasswordLink(
	sql: Sql,
	actor: Actor,
	personId: string
): Promise<Saved<Invited>> {
	const user = requireSuperadmin(actor);
	return save(sql, async ({ tx }) => {
		const person = await lockNational(tx, personId);
		return { person, link: await issueLinkFor(tx, user.id, person) };
	});
}

export async function setNationalPersonActive(
	sql: Sql,
	actor: Actor,
	personId: string,
	active: boolean
): Promise<Saved<PersonRow>> {
	const user = requireSuperadmin(actor);
	return save(sql, async ({ tx, disconnectSessions }) => {
		const before = await lockNational(tx, personId);
		if (before.active === active) return before;
		// the last way into the administration must not be closed from inside it
		if (before.id === user.id) throw fieldError('active', 'admin.invalid.ownAccount');
		await updatePersonRow(tx, personId, { active });
		if (!active) disconnectSessions(await deleteSessionsOf(tx, personId));
		await audit(tx, {
			mppId: null,
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
