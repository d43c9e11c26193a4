// Invitations and password links (issue 6 "People"): an admin invites a person, who chooses a password
// from a single-use, expiring link and is signed in; a reset link replaces a forgotten password. Only
// the SHA-256 of a link's token is stored, like sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/lib/domain/types';
import { readAuditLog } from '../../src/lib/server/admin/audit-log';
import { FieldError } from '../../src/lib/server/admin/input';
import { acceptLink, ClosedLink, LINK_HOURS, openLink } from '../../src/lib/server/admin/password-links';
import {
	createPasswordLink,
	invitePerson,
	resetPassword,
	setPersonActive
} from '../../src/lib/server/admin/people';
import type { Actor } from '../../src/lib/server/auth/actor';
import { login } from '../../src/lib/server/auth/login';
import { resolveActor } from '../../src/lib/server/auth/resolve';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { isOperatorOf } from '../../src/lib/server/db/counters';
import { listPeople } from '../../src/lib/server/db/people';
import { AppError } from '../../src/lib/server/errors';
import { createWorld, PASSWORD, type MppFixture, type World } from '../helpers/fixtures';
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
const signIn = (email: string, password: string) => login(db.sql, { email, password, ip: '127.0.0.10' });
const chosen = { password: 'kalimat-sandi-saya', confirm: 'kalimat-sandi-saya' };

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

async function refusal(promise: Promise<unknown>): Promise<string | number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof ClosedLink) return error.state;
		if (error instanceof AppError) return error.status;
		throw error;
	}
}

async function invite(email: string, extra: Record<string, unknown> = {}) {
	const { value } = await invitePerson(db.sql, admin(jkt), jkt.id, {
		name: 'Dewi Lestari',
		email,
		role: 'operator',
		counterIds: [jkt.counters.one],
		...extra
	});
	return value;
}

describe('inviting a person', () => {
	it('creates the person without a usable password and a link stored only as a hash', async () => {
		const { person, link } = await invite('Dewi@uji.test');
		expect(person).toMatchObject({ email: 'dewi@uji.test', role: 'operator', invitePending: true });
		expect(await isOperatorOf(db.sql, person.id, jkt.counters.one)).toBe(true);
		expect(link.purpose).toBe('invite');
		expect(link.token).toMatch(/^[a-z2-7]{32}$/);
		// 72 hours, give or take the test's own run time
		expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan((LINK_HOURS - 1) * 3600_000);
		const stored = await db.sql`SELECT id FROM password_links WHERE user_id = ${person.id}`;
		expect(stored.map((r) => r.id)).toEqual([hashToken(link.token)]);
		// nobody signs in before the link is used, whatever they type
		await expect(signIn('dewi@uji.test', '')).rejects.toBeInstanceOf(AppError);
		await expect(signIn('dewi@uji.test', link.token)).rejects.toBeInstanceOf(AppError);
		const rows = (await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: 'Dewi' })).rows;
		expect(rows[0]).toMatchObject({ entity: 'user', action: 'invited' });
		expect(JSON.stringify(rows)).not.toContain(link.token);
	});

	it('refuses bad input by field, a national role, and another MPP’s admin', async () => {
		expect(
			await problems(invitePerson(db.sql, admin(jkt), jkt.id, { name: '', email: 'bukan', role: 'ministry' }))
		).toEqual({ name: 'admin.invalid.required', email: 'admin.invalid.email', role: 'admin.invalid.choice' });
		expect(
			await problems(
				invitePerson(db.sql, admin(jkt), jkt.id, {
					name: 'X',
					email: jkt.users.operator.email,
					role: 'operator'
				})
			)
		).toEqual({ email: 'admin.invalid.emailTaken' });
		expect(
			await refusal(
				invitePerson(db.sql, admin(mks), jkt.id, { name: 'X', email: 'x@uji.test', role: 'operator' })
			)
		).toBe(403);
		expect(
			await refusal(
				invitePerson(db.sql, person(jkt.users.supervisor.id, 'supervisor', jkt.id), jkt.id, {
					name: 'X',
					email: 'x@uji.test',
					role: 'operator'
				})
			)
		).toBe(403);
	});

	it('the person chooses a password from the link, is signed in, and the link is spent', async () => {
		const { person, link } = await invite('eka@uji.test');
		expect(await openLink(db.sql, link.token)).toEqual({
			status: 'open',
			purpose: 'invite',
			name: 'Dewi Lestari',
			email: 'eka@uji.test'
		});
		expect(await problems(acceptLink(db.sql, link.token, { password: 'pendek', confirm: 'pendek' }))).toEqual(
			{ password: 'admin.invalid.passwordShort' }
		);
		expect(
			await problems(acceptLink(db.sql, link.token, { password: chosen.password, confirm: 'lain-lagi-ya' }))
		).toEqual({ confirm: 'admin.invalid.passwordMismatch' });

		const accepted = await acceptLink(db.sql, link.token, chosen);
		expect(accepted.value.user).toMatchObject({ id: person.id, role: 'operator', mppId: jkt.id });
		expect(await sessionOf(accepted.value.session.token)).toMatchObject({
			kind: 'user',
			user: { id: person.id }
		});
		expect((await signIn('eka@uji.test', chosen.password)).user.id).toBe(person.id);
		expect((await listPeople(db.sql, jkt.id)).find((p) => p.id === person.id)?.invitePending).toBe(false);

		// single use: the page says so, and a second try changes nothing
		expect(await openLink(db.sql, link.token)).toEqual({ status: 'used' });
		expect(
			await refusal(acceptLink(db.sql, link.token, { password: 'orang-lain-123', confirm: 'orang-lain-123' }))
		).toBe('used');
		await expect(signIn('eka@uji.test', 'orang-lain-123')).rejects.toBeInstanceOf(AppError);
	});

	it('an expired or unknown link says so and sets nothing', async () => {
		const { link } = await invite('fajar@uji.test');
		await db.sql`UPDATE password_links SET expires_at = now() - interval '1 second' WHERE id = ${hashToken(link.token)}`;
		expect(await openLink(db.sql, link.token)).toEqual({ status: 'expired' });
		expect(await refusal(acceptLink(db.sql, link.token, chosen))).toBe('expired');
		await expect(signIn('fajar@uji.test', chosen.password)).rejects.toBeInstanceOf(AppError);

		for (const token of ['tidakadatautanseperti-ini', '', 'x'.repeat(5000)]) {
			expect(await openLink(db.sql, token)).toEqual({ status: 'unknown' });
		}
		expect(await refusal(acceptLink(db.sql, 'tidakadatautanseperti-ini', chosen))).toBe('unknown');
		const closed = await acceptLink(db.sql, 'tidakadatautanseperti-ini', chosen).catch((e) => e);
		expect(closed.status).toBe(404);
	});

	it('a new link replaces the open one; the first is then expired', async () => {
		const { person, link: first } = await invite('gita@uji.test');
		const { value } = await createPasswordLink(db.sql, admin(jkt), jkt.id, person.id);
		// still an invitation: the person never chose a password
		expect(value.link.purpose).toBe('invite');
		expect(await openLink(db.sql, first.token)).toEqual({ status: 'expired' });
		expect((await openLink(db.sql, value.link.token)).status).toBe('open');
	});
});

describe('a reset link', () => {
	it('keeps the old password until used; then ends every session and signs the person in', async () => {
		const email = jkt.users.supervisor.email;
		const old = await signIn(email, PASSWORD);
		const made = await createPasswordLink(db.sql, admin(jkt), jkt.id, jkt.users.supervisor.id);
		expect(made.value.link.purpose).toBe('reset');
		expect(await sessionOf(old.token)).toMatchObject({ kind: 'user' });
		expect((await signIn(email, PASSWORD)).user.email).toBe(email);
		const rows = (await readAuditLog(db.sql, admin(jkt), jkt.id, { source: 'config', q: email })).rows;
		expect(rows[0]).toMatchObject({ action: 'updated', changes: { passwordLink: [null, 'reset'] } });

		const accepted = await acceptLink(db.sql, made.value.link.token, chosen);
		expect(accepted.live.disconnectSessions?.length).toBeGreaterThanOrEqual(2);
		expect(await sessionOf(old.token)).toEqual({ kind: 'anonymous' });
		expect(await sessionOf(accepted.value.session.token)).toMatchObject({ kind: 'user' });
		await expect(signIn(email, PASSWORD)).rejects.toBeInstanceOf(AppError);
		expect((await signIn(email, chosen.password)).user.email).toBe(email);
	});

	it('a password the admin sets directly retires the open links', async () => {
		const made = await createPasswordLink(db.sql, admin(jkt), jkt.id, jkt.users.operator.id);
		await resetPassword(db.sql, admin(jkt), jkt.id, jkt.users.operator.id, {
			password: 'langsung-dari-admin'
		});
		expect(await openLink(db.sql, made.value.link.token)).toEqual({ status: 'used' });
	});

	it('is refused for another MPP’s person and for a deactivated one; a deactivated person’s link is dead', async () => {
		expect(await refusal(createPasswordLink(db.sql, admin(jkt), jkt.id, mks.users.operator.id))).toBe(404);
		expect(await refusal(createPasswordLink(db.sql, admin(mks), jkt.id, jkt.users.operator.id))).toBe(403);
		const { person, link } = await invite('hana@uji.test');
		await setPersonActive(db.sql, admin(jkt), jkt.id, person.id, false);
		expect(await openLink(db.sql, link.token)).toEqual({ status: 'unknown' });
		expect(await refusal(acceptLink(db.sql, link.token, chosen))).toBe('unknown');
		expect(await problems(createPasswordLink(db.sql, admin(jkt), jkt.id, person.id))).toEqual({
			active: 'admin.invalid.personInactive'
		});
	});
});
