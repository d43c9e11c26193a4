// National people (issue 6 "People"): only a superadmin adds, invites or deactivates superadmins and
// the ministry's staff, who belong to no MPP. The role × actor matrix, checked on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/types';
import { FieldError } from '../../src/lib/server/admin/input';
import {
	createNationalPerson,
	inviteNationalPerson,
	listNationalPeopleForAdmin,
	nationalPasswordLink,
	setNationalPersonActive
} from '../../src/lib/server/admin/national-people';
import { acceptLink } from '../../src/lib/server/admin/password-links';
import { createPerson, invitePerson } from '../../src/lib/server/admin/people';
import type { Actor } from '../../src/lib/server/auth/actor';
import { login } from '../../src/lib/server/auth/login';
import { resolveActor } from '../../src/lib/server/auth/resolve';
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
afterAll(async () => {
	await db?.drop();
});

const person = (id: string, role: Role, mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const superadmin = () => person(world.superadmin.id, 'superadmin', null);
const signIn = (email: string, password: string) => login(db.sql, { email, password, ip: '127.0.0.11' });

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

describe('national people', () => {
	it('nobody but a superadmin may list, add, invite, link or deactivate them', async () => {
		const outsiders: [string, Actor][] = [
			['mpp_admin', person(jkt.users.mpp_admin.id, 'mpp_admin', jkt.id)],
			['supervisor', person(jkt.users.supervisor.id, 'supervisor', jkt.id)],
			['operator', person(jkt.users.operator.id, 'operator', jkt.id)],
			['ministry', person(world.ministry.id, 'ministry', null)],
			[
				'device',
				{ kind: 'device', device: { id: jkt.devices.display.id, mppId: jkt.id, kind: 'display', name: 'TV' } }
			],
			['anonymous', { kind: 'anonymous' }]
		];
		// 401 for nobody, 403 for everyone else; never a write
		const refused = async (what: string, attempt: Promise<unknown>) =>
			expect([401, 403], what).toContain(await status(attempt));
		for (const [who, actor] of outsiders) {
			for (const role of ['ministry', 'superadmin']) {
				const input = {
					name: 'Budi',
					email: `budi.${who}.${role}@uji.test`,
					role,
					password: 'sandi-nasional-1'
				};
				await refused(`${who} creates ${role}`, createNationalPerson(db.sql, actor, input));
				await refused(`${who} invites ${role}`, inviteNationalPerson(db.sql, actor, input));
			}
			await refused(`${who} lists`, listNationalPeopleForAdmin(db.sql, actor));
			await refused(`${who} links`, nationalPasswordLink(db.sql, actor, world.ministry.id));
			await refused(`${who} deactivates`, setNationalPersonActive(db.sql, actor, world.ministry.id, false));
		}
		// nothing was written by any of those attempts
		const [{ count }] = await db.sql`SELECT count(*)::int AS count FROM users WHERE email LIKE 'budi.%'`;
		expect(count).toBe(0);
	});

	it('an MPP’s admin cannot give a national role through the MPP’s own forms either', async () => {
		const admin = person(jkt.users.mpp_admin.id, 'mpp_admin', jkt.id);
		for (const role of ['ministry', 'superadmin']) {
			const input = { name: 'Budi', email: `budi.${role}@uji.test`, role, password: 'sandi-nasional-1' };
			for (const attempt of [
				createPerson(db.sql, admin, jkt.id, input),
				invitePerson(db.sql, admin, jkt.id, input)
			]) {
				const refused = await attempt.catch((e) => e);
				expect(refused).toBeInstanceOf(FieldError);
				expect(refused.fields.role).toEqual({ key: 'admin.invalid.choice' });
			}
		}
	});

	it('a superadmin adds a ministry person with a password, who signs in without an MPP', async () => {
		const { value } = await createNationalPerson(db.sql, superadmin(), {
			name: 'Rina Kementerian',
			email: 'Rina@Kemenpan.test',
			role: 'ministry',
			password: 'sandi-kementerian'
		});
		expect(value).toMatchObject({
			email: 'rina@kemenpan.test',
			role: 'ministry',
			mppId: null,
			counterIds: []
		});
		const { user } = await signIn('rina@kemenpan.test', 'sandi-kementerian');
		expect(user).toMatchObject({ role: 'ministry', mppId: null });
		// recorded, without an MPP
		const [audit] =
			await db.sql`SELECT mpp_id, action, user_id FROM config_audit WHERE entity_id = ${value.id}`;
		expect(audit).toMatchObject({ mpp_id: null, action: 'created', user_id: world.superadmin.id });
		expect((await listNationalPeopleForAdmin(db.sql, superadmin())).map((p) => p.email)).toContain(
			'rina@kemenpan.test'
		);
	});

	it('a superadmin invites another superadmin, who chooses a password from the link', async () => {
		const { value } = await inviteNationalPerson(db.sql, superadmin(), {
			name: 'Agus Admin',
			email: 'agus@antrean.test',
			role: 'superadmin'
		});
		expect(value.person).toMatchObject({ role: 'superadmin', mppId: null, invitePending: true });
		const accepted = await acceptLink(db.sql, value.link.token, {
			password: 'sandi-agus-admin',
			confirm: 'sandi-agus-admin'
		});
		expect(accepted.value.user).toMatchObject({ role: 'superadmin', mppId: null });
		expect((await signIn('agus@antrean.test', 'sandi-agus-admin')).user.role).toBe('superadmin');
	});

	it('refuses an MPP role, bad fields and a taken e-mail, by field', async () => {
		const refused = await createNationalPerson(db.sql, superadmin(), {
			name: ' ',
			email: jkt.users.operator.email,
			role: 'operator',
			password: 'x'
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(FieldError);
		expect(Object.keys(refused.fields).sort()).toEqual(['name', 'password', 'role']);
		const taken = await inviteNationalPerson(db.sql, superadmin(), {
			name: 'X',
			email: jkt.users.operator.email,
			role: 'ministry'
		}).catch((e) => e);
		expect(taken.fields).toEqual({ email: { key: 'admin.invalid.emailTaken' } });
	});

	it('deactivating a national person ends their sessions; not one’s own account; MPP people are not here', async () => {
		const session = await signIn(world.ministry.email, 'rahasia-uji-123');
		const off = await setNationalPersonActive(db.sql, superadmin(), world.ministry.id, false);
		expect(off.value.active).toBe(false);
		expect(off.live.disconnectSessions?.length).toBeGreaterThan(0);
		expect(
			await resolveActor(db.sql, { sessionToken: session.token, authorization: null, deviceToken: null })
		).toEqual({ kind: 'anonymous' });
		const [audit] = await db.sql`
			SELECT mpp_id, action FROM config_audit WHERE entity_id = ${world.ministry.id} ORDER BY at DESC LIMIT 1`;
		expect(audit).toMatchObject({ mpp_id: null, action: 'deactivated' });
		const own = await setNationalPersonActive(db.sql, superadmin(), world.superadmin.id, false).catch(
			(e) => e
		);
		expect(own.fields).toEqual({ active: { key: 'admin.invalid.ownAccount' } });
		expect(await status(setNationalPersonActive(db.sql, superadmin(), jkt.users.operator.id, false))).toBe(
			404
		);
		expect(await status(nationalPasswordLink(db.sql, superadmin(), jkt.users.operator.id))).toBe(404);
		await setNationalPersonActive(db.sql, superadmin(), world.ministry.id, true);
		expect((await nationalPasswordLink(db.sql, superadmin(), world.ministry.id)).value.link.purpose).toBe(
			'reset'
		);
	});
});
