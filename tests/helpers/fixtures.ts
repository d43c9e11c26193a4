// A small, fully known world for integration tests: two MPPs in different zones, open around the
// clock (tests run at any hour), with services, counters, one user of every role per MPP and devices.
import type { OpeningHours, Role } from '../../src/lib/domain/types';
import type { Actor } from '../../src/lib/server/auth/actor';
import { hashPassword } from '../../src/lib/server/auth/password';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import type { Db } from '../../src/lib/server/db/client';
import { assignOperator, insertCounter } from '../../src/lib/server/db/counters';
import { insertDevice } from '../../src/lib/server/db/devices';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { insertUser } from '../../src/lib/server/db/users';

export const PASSWORD = 'rahasia-uji-123';

export const allDay: OpeningHours = {
	sun: [['00:00', '24:00']],
	mon: [['00:00', '24:00']],
	tue: [['00:00', '24:00']],
	wed: [['00:00', '24:00']],
	thu: [['00:00', '24:00']],
	fri: [['00:00', '24:00']],
	sat: [['00:00', '24:00']]
};

export interface MppFixture {
	id: string;
	slug: string;
	timezone: string;
	services: { a: string; b: string; c: string };
	counters: { one: string; two: string; three: string };
	users: Record<Exclude<Role, 'superadmin' | 'ministry'>, { id: string; email: string }>;
	devices: { display: { id: string; token: string }; kiosk: { id: string; token: string } };
}

export interface World {
	mpps: [MppFixture, MppFixture];
	superadmin: { id: string; email: string };
	ministry: { id: string; email: string };
}

let passwordHash: string | undefined;

export async function createWorld(db: Db): Promise<World> {
	passwordHash ??= await hashPassword(PASSWORD);
	const first = await createMpp(db, 'jakarta-uji', 'Asia/Jakarta');
	const second = await createMpp(db, 'makassar-uji', 'Asia/Makassar');
	const superadmin = await insertUser(db, {
		email: 'super@uji.test',
		name: 'Super Admin',
		passwordHash,
		role: 'superadmin',
		mppId: null
	});
	const ministry = await insertUser(db, {
		email: 'ministry@uji.test',
		name: 'Kementerian',
		passwordHash,
		role: 'ministry',
		mppId: null
	});
	return {
		mpps: [first, second],
		superadmin: { id: superadmin.id, email: superadmin.email },
		ministry: { id: ministry.id, email: ministry.email }
	};
}

export async function createMpp(db: Db, slug: string, timezone: string): Promise<MppFixture> {
	const mpp = await insertMpp(db, {
		slug,
		name: `MPP ${slug}`,
		province: 'Uji',
		city: slug,
		timezone,
		openingHours: allDay
	});
	const dukcapil = await insertTenant(db, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
	const polri = await insertTenant(db, { mppId: mpp.id, code: 'POLRI', name: 'Polri' });
	const a = await insertService(db, {
		mppId: mpp.id,
		tenantId: dukcapil.id,
		code: 'KTP',
		prefix: 'A',
		name: 'KTP-el'
	});
	const b = await insertService(db, {
		mppId: mpp.id,
		tenantId: dukcapil.id,
		code: 'KK',
		prefix: 'B',
		name: 'Kartu Keluarga'
	});
	const c = await insertService(db, {
		mppId: mpp.id,
		tenantId: polri.id,
		code: 'SKCK',
		prefix: 'D',
		name: 'SKCK'
	});
	const one = await insertCounter(db, {
		mppId: mpp.id,
		tenantId: dukcapil.id,
		name: 'Loket 1',
		serviceIds: [a.id, b.id],
		status: 'open'
	});
	const two = await insertCounter(db, {
		mppId: mpp.id,
		tenantId: dukcapil.id,
		name: 'Loket 2',
		serviceIds: [a.id],
		status: 'open'
	});
	const three = await insertCounter(db, {
		mppId: mpp.id,
		tenantId: polri.id,
		name: 'Loket 3',
		serviceIds: [c.id],
		status: 'open'
	});
	const users = {} as MppFixture['users'];
	for (const role of ['mpp_admin', 'supervisor', 'operator'] as const) {
		const user = await insertUser(db, {
			email: `${role}.${slug}@uji.test`,
			name: `${role} ${slug}`,
			passwordHash: passwordHash!,
			role,
			mppId: mpp.id
		});
		users[role] = { id: user.id, email: user.email };
	}
	await assignOperator(db, one.id, users.operator.id);
	await assignOperator(db, three.id, users.operator.id);
	const devices = {} as MppFixture['devices'];
	for (const kind of ['display', 'kiosk'] as const) {
		const token = generateToken();
		const device = await insertDevice(db, {
			mppId: mpp.id,
			kind,
			name: `${kind} ${slug}`,
			tokenHash: hashToken(token)
		});
		devices[kind] = { id: device.id, token };
	}
	return {
		id: mpp.id,
		slug,
		timezone,
		services: { a: a.id, b: b.id, c: c.id },
		counters: { one: one.id, two: two.id, three: three.id },
		users,
		devices
	};
}

/** The MPP's admin as the services see a signed-in person: for calling admin services directly. */
export function mppAdminActor(mpp: MppFixture): Actor {
	const { id, email } = mpp.users.mpp_admin;
	return {
		kind: 'user',
		user: { id, email, name: 'Admin', role: 'mpp_admin', mppId: mpp.id },
		sessionId: 'session'
	};
}
