// CSV bulk setup (issue 6): the template round-trips, a dry run saves nothing, a file with errors is
// refused as a whole with its problems per line and column, and an export imports back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import type { Role } from '../../src/lib/domain/types';
import { exportCsv, importCsv, templateCsv } from '../../src/lib/server/admin/bulk';
import type { Actor } from '../../src/lib/server/auth/actor';
import { listCounterRows, listServiceRows, listTenantRows } from '../../src/lib/server/db/catalogue-edits';
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
const snapshot = async (mppId: string) => ({
	tenants: (await listTenantRows(db.sql, mppId)).length,
	services: (await listServiceRows(db.sql, mppId)).length,
	counters: (await listCounterRows(db.sql, mppId)).length
});

describe('CSV import', () => {
	it('the template checks clean in a dry run and saves nothing; imported, it creates what it shows', async () => {
		const before = await snapshot(mks.id);
		const dry = await importCsv(db.sql, admin(mks), mks.id, templateCsv(), { dryRun: true });
		// this MPP already has a DUKCAPIL agency and a KK service, and prefix A is its KTP-el: the template's
		// KTP_EL clashes, so its counter names a service that would not exist
		expect(dry.report.errors).toEqual([
			{ line: 3, field: 'prefix', key: 'admin.invalid.prefixTaken', params: { name: 'KTP-el' } },
			{ line: 5, field: 'services', key: 'admin.import.unknownServices', params: { codes: 'KTP_EL' } }
		]);
		expect(await snapshot(mks.id)).toEqual(before);

		// in an empty MPP the template goes in as it is
		const fresh = await db.sql`INSERT INTO mpps (slug, name, province, city, timezone, opening_hours)
			VALUES ('kosong', 'MPP Kosong', 'Uji', 'Uji', 'Asia/Jakarta', '{}') RETURNING id`;
		await db.sql`INSERT INTO mpp_event_seq (mpp_id) VALUES (${fresh[0].id})`;
		const superadmin = person(world.superadmin.id, 'superadmin', null);
		const checked = await importCsv(db.sql, superadmin, fresh[0].id, templateCsv(), { dryRun: true });
		expect(checked.report).toMatchObject({ applied: false, created: 4, errors: [], warnings: [] });
		expect(await snapshot(fresh[0].id)).toEqual({ tenants: 0, services: 0, counters: 0 });
		const applied = await importCsv(db.sql, superadmin, fresh[0].id, templateCsv(), { dryRun: false });
		expect(applied.report).toMatchObject({ applied: true, created: 4, updated: 0 });
		expect(applied.live?.outcomes.map((o) => o.change.type)).toEqual(['mpp:configured']);
		const [counter] = await listCounterRows(db.sql, fresh[0].id);
		expect(counter).toMatchObject({ name: 'Loket 1' });
		expect(counter.serviceIds).toHaveLength(2);
		// exported and imported again: nothing changes
		const again = await importCsv(
			db.sql,
			superadmin,
			fresh[0].id,
			await exportCsv(db.sql, superadmin, fresh[0].id),
			{
				dryRun: false
			}
		);
		expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: 4, errors: [] });
	});

	it('refuses a file with errors as a whole, naming line and column', async () => {
		const before = await snapshot(jkt.id);
		const file = [
			'kind,code,name,tenant,prefix,target_wait_minutes,daily_quota,cutoff_minutes,services',
			'tenant,BPJS,BPJS Kesehatan,,,,,,',
			'service,JKN,Kepesertaan JKN,BPJS,E,20,,60,',
			'service,PAS,Paspor,IMIGRASI,F,30,,60,',
			'service,SIM,SIM,POLRI,B,0,x,60,',
			'counter,,Loket 7,BPJS,,,,,JKN NOPE',
			'gedung,,Lantai 2,,,,,,'
		].join('\n');
		const { report, live } = await importCsv(db.sql, admin(jkt), jkt.id, file, { dryRun: false });
		expect(live).toBeNull();
		expect(report.applied).toBe(false);
		expect(report.errors.map(({ line, field, key }) => [line, field, key])).toEqual([
			[7, 'kind', 'admin.import.kind']
		]);
		// the kind problem stops the file before anything else is read; fixed, the rest is checked
		const fixed = file.replace('gedung,,Lantai 2,,,,,,', '');
		const second = await importCsv(db.sql, admin(jkt), jkt.id, fixed, { dryRun: false });
		expect(second.report.errors.map(({ line, field, key }) => [line, field, key])).toEqual([
			[4, 'tenant', 'admin.import.unknownTenant'],
			[5, 'target_wait_minutes', 'admin.invalid.range'],
			[5, 'daily_quota', 'admin.invalid.range'],
			[6, 'services', 'admin.import.unknownServices']
		]);
		expect(await snapshot(jkt.id)).toEqual(before);
		// valid numbers, but B is another service's prefix in this MPP
		const third = await importCsv(
			db.sql,
			admin(jkt),
			jkt.id,
			fixed.replace('SIM,POLRI,B,0,x', 'SIM,POLRI,B,30,'),
			{
				dryRun: true
			}
		);
		expect(third.report.errors.map(({ line, field, key }) => [line, field, key])).toEqual([
			[4, 'tenant', 'admin.import.unknownTenant'],
			[5, 'prefix', 'admin.invalid.prefixTaken'],
			[6, 'services', 'admin.import.unknownServices']
		]);
		const header = await importCsv(db.sql, admin(jkt), jkt.id, 'jenis;nama\nx;y', { dryRun: true });
		expect(header.report.errors[0]).toMatchObject({ line: 1, key: 'admin.import.header' });
	});

	it("is the MPP's own admin's, and its export lists only that MPP", async () => {
		await expect(
			importCsv(db.sql, admin(mks), jkt.id, templateCsv(), { dryRun: true })
		).rejects.toBeInstanceOf(AppError);
		const rows = parseCsv(await exportCsv(db.sql, admin(jkt), jkt.id));
		expect(rows[0]).toEqual([
			'kind',
			'code',
			'name',
			'tenant',
			'prefix',
			'target_wait_minutes',
			'daily_quota',
			'cutoff_minutes',
			'services',
			'standard'
		]);
		expect(rows.filter((r) => r[0] === 'service').map((r) => r[4])).toEqual(['A', 'B', 'D']);
		expect(
			rows
				.find((r) => r[2] === 'Loket 1')?.[8]
				.split(' ')
				.sort()
		).toEqual(['KK', 'KTP']);
	});
});
