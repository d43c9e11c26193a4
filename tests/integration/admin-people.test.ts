// People (issue 6): creating staff with a role, assigning operators to counters, resetting a password
// and deactivating a person, whose sessions end at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/types';
import { readAuditLog } from '../../src/lib/server/admin/audit-log';
import { FieldError } from '../../src/lib/server/admin/input';
import {
	createPerson,
	resetPassword,
	setPersonActive,
	updatePerson
} from '../../src/lib/server/admin/people';
import type { Actor } from '../../src/lib/server/auth/actor';
import { login } from '../../src/lib/server/auth/login';
import { resolveActor } from '../../src/lib/server/auth/resolve';
import { isOperatorOf } from '../../src/lib/server/db/counters';
import { AppError } from '../../src/lib/server/errors';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;
let mks: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	[jkt, mks] = world.mpps;
});
afterAll(async () => {
	await db?.drop();
});

const person = (id: string, role: Role, mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const admin = (mpp: MppFixture) => person(mpp.users.mpp_admin.id, 'mpp_admin', mpp.id);
const sessionOf = (token: string) =>
	resolveActor(db.sql, { sessionToken: token, authorization: null, deviceToken: null });
const signIn = (email: string, password: string) => login(db.sql, { email, password, ip: '127.0.0.9' });

async function problems(promise: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof FieldError) {
			return Object.fromEntries(Object.entries(error.fields).map(([field, p]) => [field, p.key]));
		}
		throw error;
	}
	throw new Error('expected a FieldError');
}

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

const newOperator = {
	name: 'Siti Aminah',
	email: 'Siti.Aminah@uji.test',
	role: 'operator',
	password: 'rahasia-siti-2026',
	counterIds: [] as string[]
};

describe('people', () => {
	it('refuses bad input field by field, a national role, and another MPP’s counters', async () => {
		expect(
			await problems(
				createPerson(db.sql, admin(jkt), jkt.id, {
					name: '',
					email: 'bukan-email',
					role: 'superadmin',
					password: 'pendek'
				})
			)
		).toEqual({
			name: 'admin.invalid.required',
			email: 'admin.invalid.email',
			role: 'admin.invalid.choice',
			password: 'admin.invalid.passwordShort'
		});
		expect(
			await problems(
				createPerson(db.sql, admin(jkt), jkt.id, { ...newOperator, email: jkt.users.operator.email })
			)
		).toEqual({ email: 'admin.invalid.emailTaken' });
		expect(
			await problems(
				createPerson(db.sql, admin(jkt), jkt.id, { ...newOperator, counterIds: [mks.counters.one] })
			)
		).toEqual({ counterIds: 'admin.invalid.choice' });
		expect(await status(createPerson(db.sql, admin(mks), jkt.id, newOperator))).toBe(403);
		expect(
			await status(
				createPerson(db.sql, person(jkt.users.supervisor.id, 'supervisor', jkt.id), jkt.id, newOperator)
			)
		).toBe(403);
	});

	it('creates an operator at a counter who can sign in; the audit never holds a password', async () => {
		const { value } = await createPerson(db.sql, admin(jkt), jkt.id, {
			...newOperator,
			counterIds: [jkt.counters.two]
		});
		expect(value).toMatchObject({
			email: 'siti.aminah@uji.test',
			role: 'operator',
			mppId: jkt.id,
			counterIds: [jkt.counters.two]
		});
		expect(await isOperatorOf(db.sql, value.id, jkt.counters.two)).toBe(true);
		const session = await signIn('siti.aminah@uji.test', newOperator.password);
		expect(session.user.role).toBe('operator');
		const rows = (await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: 'Siti' })).rows;
		expect(rows[0]).toMatchObject({ entity: 'user', action: 'created' });
		expect(JSON.stringify(rows)).not.toContain(newOperator.password);
	});

	it('moves an operator to other counters; a new role ends their sessions', async () => {
		const { value: siti } = await createPerson(db.sql, admin(jkt), jkt.id, {
			...newOperator,
			email: 'siti2@uji.test',
			counterIds: [jkt.counters.one]
		});
		const moved = await updatePerson(db.sql, admin(jkt), jkt.id, siti.id, {
			name: 'Siti',
			role: 'operator',
			counterIds: [jkt.counters.three]
		});
		expect(moved.value.counterIds).toEqual([jkt.counters.three]);
		expect(moved.live.disconnectSessions).toEqual([]);
		const { token } = await signIn('siti2@uji.test', newOperator.password);
		const promoted = await updatePerson(db.sql, admin(jkt), jkt.id, siti.id, {
			name: 'Siti',
			role: 'supervisor'
		});
		expect(promoted.value).toMatchObject({ role: 'supervisor', counterIds: [] });
		expect(promoted.live.disconnectSessions).toHaveLength(1);
		expect(await sessionOf(token)).toEqual({ kind: 'anonymous' });
		// nobody demotes themselves out of the administration by mistake
		expect(
			await problems(
				updatePerson(db.sql, admin(jkt), jkt.id, jkt.users.mpp_admin.id, { name: 'X', role: 'operator' })
			)
		).toEqual({
			role: 'admin.invalid.ownRole'
		});
		// another MPP's person is unknown here
		expect(
			await status(
				updatePerson(db.sql, admin(jkt), jkt.id, mks.users.operator.id, { name: 'X', role: 'operator' })
			)
		).toBe(404);
	});

	it('a reset password ends every session; the new one works, the old one does not', async () => {
		const email = jkt.users.supervisor.email;
		const { token } = await signIn(email, 'rahasia-uji-123');
		const reset = await resetPassword(db.sql, admin(jkt), jkt.id, jkt.users.supervisor.id, {
			password: 'sandi-baru-yang-panjang'
		});
		expect(reset.live.disconnectSessions?.length).toBeGreaterThan(0);
		expect(await sessionOf(token)).toEqual({ kind: 'anonymous' });
		await expect(signIn(email, 'rahasia-uji-123')).rejects.toBeInstanceOf(AppError);
		expect((await signIn(email, 'sandi-baru-yang-panjang')).user.email).toBe(email);
		expect(
			await problems(resetPassword(db.sql, admin(jkt), jkt.id, jkt.users.supervisor.id, { password: 'x' }))
		).toEqual({
			password: 'admin.invalid.passwordShort'
		});
	});

	it('deactivating a person ends their sessions at once and refuses their sign-in; not one’s own account', async () => {
		const { token } = await signIn(jkt.users.operator.email, 'rahasia-uji-123');
		const off = await setPersonActive(db.sql, admin(jkt), jkt.id, jkt.users.operator.id, false);
		expect(off.value.active).toBe(false);
		expect(off.live.disconnectSessions?.length).toBeGreaterThan(0);
		expect(await sessionOf(token)).toEqual({ kind: 'anonymous' });
		await expect(signIn(jkt.users.operator.email, 'rahasia-uji-123')).rejects.toBeInstanceOf(AppError);
		expect(
			await problems(setPersonActive(db.sql, admin(jkt), jkt.id, jkt.users.mpp_admin.id, false))
		).toEqual({
			active: 'admin.invalid.ownAccount'
		});
		await setPersonActive(db.sql, admin(jkt), jkt.id, jkt.users.operator.id, true);
		expect((await signIn(jkt.users.operator.email, 'rahasia-uji-123')).user.role).toBe('operator');
	});
});
