// Mapping MPP services to the national catalogue (issue 14): in the admin's service editor and in the
// setup CSV (an optional `standard` column), a standard code or `local`, checked against the catalogue;
// a file without the column keeps each mapping; another MPP's admin cannot map; the demo world maps
// its services so the ministry pages have data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { exportCsv, importCsv } from '../../src/lib/server/admin/bulk';
import { readCatalogue } from '../../src/lib/server/admin/catalogue-view';
import { createService, updateService } from '../../src/lib/server/admin/services';
import { listServiceRows, type ServiceRow } from '../../src/lib/server/db/catalogue-edits';
import { setStandardServiceActive } from '../../src/lib/server/national-catalogue/standard-services';
import type { Actor } from '../../src/lib/server/auth/actor';
import { createWorld, mppAdminActor, type MppFixture, type World } from '../helpers/fixtures';
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

const ministry = (): Actor => ({
	kind: 'user',
	user: { id: world.ministry.id, email: world.ministry.email, name: 'K', role: 'ministry', mppId: null },
	sessionId: 'session'
});
const rowOf = async (mppId: string, code: string) =>
	(await listServiceRows(db.sql, mppId)).find((s) => s.code === code) as ServiceRow;
/** The editor's fields for a service as it is now, with some changed. */
const fields = (s: ServiceRow, change: Record<string, unknown>) => ({
	tenantId: s.tenantId,
	code: s.code,
	prefix: s.prefix,
	name: s.name,
	targetWaitMinutes: String(s.targetWaitMinutes),
	dailyQuota: '',
	cutoffMinutes: String(s.cutoffMinutes),
	counterIds: s.counterIds,
	...change
});
const problemOf = (e: unknown) => (e as { fields: Record<string, { key: string }> }).fields;

describe('the service editor', () => {
	it('offers the catalogue and maps a service to a standard one, or marks it local only', async () => {
		const view = await readCatalogue(db.sql, mppAdminActor(jkt), jkt.id);
		expect(view.standards.some((s) => s.code === 'PASPOR' && s.agency.includes('Imigrasi'))).toBe(true);
		expect(view.services.every((s) => s.standardCode === null && !s.localOnly)).toBe(true);

		const ktp = await rowOf(jkt.id, 'KTP');
		await updateService(db.sql, mppAdminActor(jkt), jkt.id, ktp.id, fields(ktp, { standard: 'ktp_el' }));
		expect(await rowOf(jkt.id, 'KTP')).toMatchObject({ standardCode: 'KTP_EL', localOnly: false });
		await updateService(db.sql, mppAdminActor(jkt), jkt.id, ktp.id, fields(ktp, { standard: 'local' }));
		expect(await rowOf(jkt.id, 'KTP')).toMatchObject({ standardCode: null, localOnly: true });

		const created = await createService(db.sql, mppAdminActor(jkt), jkt.id, {
			...fields(ktp, { code: 'PASPOR', prefix: 'E', name: 'Paspor', standard: 'PASPOR' }),
			counterIds: [jkt.counters.one]
		});
		expect(created.value).toMatchObject({ standardCode: 'PASPOR', localOnly: false });
	});

	it('refuses an unknown, crafted or deactivated standard service; a service mapped before keeps it', async () => {
		const kk = await rowOf(jkt.id, 'KK');
		for (const standard of ['TIDAK_ADA', '__proto__', 'KTP EL', 'x'.repeat(40)]) {
			const error = await updateService(
				db.sql,
				mppAdminActor(jkt),
				jkt.id,
				kk.id,
				fields(kk, { standard })
			).catch((e) => e);
			expect(problemOf(error).standard?.key, standard).toBe('admin.invalid.choice');
		}
		await updateService(db.sql, mppAdminActor(jkt), jkt.id, kk.id, fields(kk, { standard: 'KK' }));
		await setStandardServiceActive(db.sql, ministry(), 'KK', false);
		// still saves with its (now inactive) mapping …
		await updateService(
			db.sql,
			mppAdminActor(jkt),
			jkt.id,
			kk.id,
			fields(kk, { standard: 'KK', name: 'KK baru' })
		);
		expect(await rowOf(jkt.id, 'KK')).toMatchObject({ standardCode: 'KK', name: 'KK baru' });
		// … but no other service may take it
		const skck = await rowOf(jkt.id, 'SKCK');
		const error = await updateService(
			db.sql,
			mppAdminActor(jkt),
			jkt.id,
			skck.id,
			fields(skck, { standard: 'KK' })
		).catch((e) => e);
		expect(problemOf(error).standard.key).toBe('admin.invalid.choice');
		await setStandardServiceActive(db.sql, ministry(), 'KK', true);
	});

	it("refuses another MPP's admin", async () => {
		const [, mks] = world.mpps;
		const skck = await rowOf(jkt.id, 'SKCK');
		const error = await updateService(
			db.sql,
			mppAdminActor(mks),
			jkt.id,
			skck.id,
			fields(skck, { standard: 'SKCK' })
		).catch((e) => e);
		expect(error.status).toBe(403);
		expect((await rowOf(jkt.id, 'SKCK')).standardCode).toBeNull();
	});
});

describe('the setup CSV', () => {
	it('exports the mapping and takes it back: a code, local, or empty to clear', async () => {
		const [, mks] = world.mpps;
		const admin = mppAdminActor(mks);
		const file = [
			'kind,code,name,tenant,prefix,target_wait_minutes,daily_quota,cutoff_minutes,services,standard',
			'service,KTP,KTP-el,DUKCAPIL,A,30,,60,,KTP_EL',
			'service,KK,Kartu Keluarga,DUKCAPIL,B,30,,60,,local',
			'service,SKCK,SKCK,POLRI,D,30,,60,,'
		].join('\r\n');
		const { report } = await importCsv(db.sql, admin, mks.id, file, { dryRun: false });
		expect(report).toMatchObject({ applied: true, errors: [] });
		expect(await rowOf(mks.id, 'KTP')).toMatchObject({ standardCode: 'KTP_EL', localOnly: false });
		expect(await rowOf(mks.id, 'KK')).toMatchObject({ standardCode: null, localOnly: true });
		const rows = parseCsv(await exportCsv(db.sql, admin, mks.id));
		const at = rows[0].indexOf('standard');
		expect(rows.filter((r) => r[0] === 'service').map((r) => [r[1], r[at]])).toEqual([
			['KTP', 'KTP_EL'],
			['KK', 'local'],
			['SKCK', '']
		]);
	});

	it('keeps every mapping when the file has no standard column', async () => {
		const [, mks] = world.mpps;
		const file = [
			'kind,code,name,tenant,prefix,target_wait_minutes,daily_quota,cutoff_minutes',
			'service,KTP,KTP Elektronik,DUKCAPIL,A,30,,60'
		].join('\r\n');
		const { report } = await importCsv(db.sql, mppAdminActor(mks), mks.id, file, { dryRun: false });
		expect(report).toMatchObject({ applied: true, updated: 1 });
		expect(await rowOf(mks.id, 'KTP')).toMatchObject({ name: 'KTP Elektronik', standardCode: 'KTP_EL' });
	});

	it('reports an unknown standard code with its line and saves nothing', async () => {
		const [, mks] = world.mpps;
		const file = [
			'kind,code,name,tenant,prefix,target_wait_minutes,daily_quota,cutoff_minutes,standard',
			'service,SKCK,SKCK,POLRI,D,30,,60,SKCK',
			'service,KTP,KTP-el,DUKCAPIL,A,30,,60,KARTU_AJAIB'
		].join('\r\n');
		const { report } = await importCsv(db.sql, mppAdminActor(mks), mks.id, file, { dryRun: false });
		expect(report.errors.map((e) => [e.line, e.field, e.key])).toEqual([
			[3, 'standard', 'admin.import.unknownStandard']
		]);
		expect((await rowOf(mks.id, 'SKCK')).standardCode).toBeNull();
	});
});
