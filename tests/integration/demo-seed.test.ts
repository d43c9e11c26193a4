// The demo world `npm run demo` seeds: what a visitor relies on when they try the product.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { hashToken } from '../../src/lib/server/auth/tokens';
import { findActiveDeviceByTokenHash } from '../../src/lib/server/db/devices';
import { ensureDemoDevices } from '../../src/lib/server/demo/devices';
import { demoLogins } from '../../src/lib/server/demo/plan';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/profile';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
	db = await createTestDatabase();
	dir = mkdtempSync(join(tmpdir(), 'antrean-demo-seed-'));
	expect(await seedDemo(db.sql)).toEqual({ seeded: true });
});

afterAll(async () => {
	await db?.drop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

// Everything the seed writes, so a second run can be compared row for row.
async function snapshot() {
	const { sql } = db;
	return {
		mpps: await sql`SELECT * FROM mpps ORDER BY slug`,
		tenants: await sql`SELECT * FROM tenants ORDER BY id`,
		services: await sql`SELECT * FROM services ORDER BY id`,
		counters: await sql`SELECT * FROM counters ORDER BY id`,
		counterServices: await sql`SELECT * FROM counter_services ORDER BY counter_id, service_id`,
		users: await sql`SELECT * FROM users ORDER BY email`,
		operators: await sql`SELECT * FROM counter_operators ORDER BY counter_id, user_id`,
		devices: await sql`SELECT * FROM devices ORDER BY id`
	};
}

describe('demo seed', () => {
	it('creates three MPPs, one in each Indonesian time zone', async () => {
		const mpps = await db.sql`SELECT slug, timezone FROM mpps ORDER BY slug`;
		expect(mpps.map((m) => [m.slug, m.timezone])).toEqual([
			['bandung', 'Asia/Jakarta'],
			['denpasar', 'Asia/Makassar'],
			['jayapura', 'Asia/Jayapura']
		]);
	});

	it('gives every service of an MPP its own ticket prefix and at least one open counter', async () => {
		const services = await db.sql`
			SELECT m.slug, s.prefix, s.code,
				(SELECT count(*)::int FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
					WHERE cs.service_id = s.id AND c.status = 'open') AS counters
			FROM services s JOIN mpps m ON m.id = s.mpp_id`;
		expect(services.length).toBeGreaterThan(30);
		for (const slug of ['bandung', 'denpasar', 'jayapura']) {
			const prefixes = services.filter((s) => s.slug === slug).map((s) => s.prefix);
			expect(new Set(prefixes).size).toBe(prefixes.length);
		}
		expect(services.filter((s) => s.counters === 0)).toEqual([]);
	});

	it('puts 3 to 8 counters at each Dukcapil and a daily quota on KTP-el and SIM', async () => {
		const rows = await db.sql`
			SELECT m.slug, (SELECT count(*)::int FROM counters c WHERE c.tenant_id = t.id) AS counters,
				(SELECT daily_quota FROM services WHERE tenant_id = t.id AND code = 'KTP_EL') AS ktp,
				(SELECT daily_quota FROM services s JOIN tenants p ON p.id = s.tenant_id
					WHERE p.mpp_id = m.id AND s.code = 'SIM') AS sim
			FROM tenants t JOIN mpps m ON m.id = t.mpp_id WHERE t.code = 'DUKCAPIL'`;
		expect(rows).toHaveLength(3);
		for (const row of rows) {
			expect(row.counters).toBeGreaterThanOrEqual(3);
			expect(row.counters).toBeLessThanOrEqual(8);
			expect(row.ktp).toBeGreaterThanOrEqual(250);
			expect(row.sim).toBeGreaterThanOrEqual(50);
		}
	});

	it('maps every demo service to the national catalogue or marks it local, so the ministry pages have data', async () => {
		const rows = await db.sql<{ code: string; standard_code: string | null; local_only: boolean }[]>`
			SELECT code, standard_code, local_only FROM services`;
		expect(rows.every((r) => r.standard_code !== null || r.local_only)).toBe(true);
		expect(rows.filter((r) => r.code === 'PASPOR').every((r) => r.standard_code === 'PASPOR')).toBe(true);
		expect(rows.some((r) => r.local_only)).toBe(true);
	});

	it('assigns every counter to an operator of its own MPP', async () => {
		const orphans = await db.sql`
			SELECT c.name FROM counters c
			WHERE NOT EXISTS (
				SELECT 1 FROM counter_operators o JOIN users u ON u.id = o.user_id
				WHERE o.counter_id = c.id AND u.role = 'operator' AND u.mpp_id = c.mpp_id)`;
		expect(orphans).toEqual([]);
	});

	it('lets every printed login sign in with the demo password', async () => {
		const logins = demoLogins();
		const users = await db.sql`SELECT email, role, password_hash FROM users ORDER BY email`;
		expect(users.map((u) => u.email)).toEqual(logins.map((l) => l.email).sort());
		expect(users.find((u) => u.email === 'admin@antrean.test')?.role).toBe('superadmin');
		expect(users.find((u) => u.email === 'ministry@antrean.test')?.role).toBe('ministry');
		expect(users.find((u) => u.email === 'manager.bandung@antrean.test')?.role).toBe('mpp_admin');
		expect(users.find((u) => u.email === 'supervisor.jayapura@antrean.test')?.role).toBe('supervisor');
		expect(users.find((u) => u.email === 'operator.denpasar.1@antrean.test')?.role).toBe('operator');
		for (const user of users) expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
	});

	it('pairs a display, a kiosk and a survey tablet per MPP whose saved tokens keep working', async () => {
		const file = join(dir, 'demo-devices.json');
		const first = await ensureDemoDevices(db.sql, file);
		expect(first.map((d) => d.slug)).toEqual(['bandung', 'denpasar', 'jayapura']);
		for (const { tokens } of first) {
			expect((await findActiveDeviceByTokenHash(db.sql, hashToken(tokens.display)))?.kind).toBe('display');
			expect((await findActiveDeviceByTokenHash(db.sql, hashToken(tokens.kiosk)))?.kind).toBe('kiosk');
			// the survey tablet stands beside a Disdukcapil counter
			const tablet = await findActiveDeviceByTokenHash(db.sql, hashToken(tokens.feedback));
			const [pinned] = await db.sql`
				SELECT t.code FROM devices d JOIN counters c ON c.id = (d.settings->>'counterId')::uuid
				JOIN tenants t ON t.id = c.tenant_id WHERE d.id = ${tablet!.id} AND d.kind = 'feedback'`;
			expect(pinned?.code).toBe('DUKCAPIL');
		}
		expect(await ensureDemoDevices(db.sql, file)).toEqual(first);

		// the token file is gone (a new data dir against the same database): fresh devices that work
		const again = await ensureDemoDevices(db.sql, join(dir, 'elsewhere', 'demo-devices.json'));
		expect(again[0].tokens.display).not.toBe(first[0].tokens.display);
		expect(await findActiveDeviceByTokenHash(db.sql, hashToken(again[0].tokens.display))).toBeDefined();
	});

	it('changes nothing when it runs a second time', async () => {
		const file = join(dir, 'demo-devices.json');
		await ensureDemoDevices(db.sql, file);
		const before = await snapshot();
		expect(await seedDemo(db.sql)).toEqual({ seeded: false });
		await ensureDemoDevices(db.sql, file);
		expect(await snapshot()).toEqual(before);
	});
});
