// Everywhere a password is set, an easily guessed one is refused like a too-short one: the admin's
// forms for staff and national people, and create-admin's service (its CLI is in auth-create-admin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFieldError } from '../../src/lib/server/admin/input';
import { createNationalPerson } from '../../src/lib/server/admin/national-people';
import { createPerson, resetPassword } from '../../src/lib/server/admin/people';
import type { Actor } from '../../src/lib/server/auth/actor';
import { createSuperadmin, resetPassword as resetFromCli } from '../../src/lib/server/auth/admin';
import { AppError } from '../../src/lib/server/errors';
import { createWorld, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
});
afterAll(() => db.drop());

const actor = (id: string, role: 'mpp_admin' | 'superadmin', mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: 'admin@uji.test', name: 'Admin', role, mppId },
	sessionId: 'session'
});

async function problems(promise: Promise<unknown>): Promise<Record<string, string>> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	if (!isFieldError(error)) throw new Error(`expected a field error, got ${String(error)}`);
	return Object.fromEntries(Object.entries(error.fields).map(([field, p]) => [field, p.key]));
}

const weak = { password: 'admin.invalid.passwordWeak' };

describe('a new password that is easy to guess', () => {
	it('is refused when an MPP admin creates a person or sets their password', async () => {
		const admin = actor(jkt.users.mpp_admin.id, 'mpp_admin', jkt.id);
		const person = { name: 'Dewi Lestari', email: 'dewi@uji.test', role: 'operator', counterIds: [] };
		for (const password of ['password12345', 'indonesia1945', 'dewilestari1'])
			expect(await problems(createPerson(db.sql, admin, jkt.id, { ...person, password })), password).toEqual(
				weak
			);
		const supervisor = jkt.users.supervisor.id;
		expect(
			await problems(resetPassword(db.sql, admin, jkt.id, supervisor, { password: 'jakarta12345' }))
		).toEqual(weak);
		const [row] = await db.sql`SELECT count(*)::int AS n FROM users WHERE email = 'dewi@uji.test'`;
		expect(row.n).toBe(0);
		await createPerson(db.sql, admin, jkt.id, { ...person, password: 'kopi tubruk di teras' });
	});

	it('is refused when the superadmin creates a national person', async () => {
		const superadmin = actor(world.superadmin.id, 'superadmin', null);
		const input = { name: 'Rina', email: 'rina@kemenpan.test', role: 'ministry', password: 'merdeka1945' };
		expect(await problems(createNationalPerson(db.sql, superadmin, input))).toEqual(weak);
	});

	it('is refused by create-admin, also when it is built from the e-mail or name', async () => {
		const refusal = (promise: Promise<unknown>) =>
			promise.then(
				() => 'accepted',
				(e: AppError) => `${e.status} ${e.code}`
			);
		expect(
			await refusal(
				createSuperadmin(db.sql, { email: 'kepala@example.go.id', name: 'Kepala', password: 'password12345' })
			)
		).toBe('400 weak_password');
		expect(
			await refusal(
				createSuperadmin(db.sql, {
					email: 'hendra.gunawan@example.go.id',
					name: 'Hendra Gunawan',
					password: 'hendragunawan1'
				})
			)
		).toBe('400 weak_password');
		expect(
			await refusal(resetFromCli(db.sql, { email: world.superadmin.email, password: 'qwertyuiop12' }))
		).toBe('400 weak_password');
	});
});
