// The national service catalogue's rules (issue 14): the migration seeds a realistic list; only the
// ministry and the superadmin add, edit and deactivate; bad input is refused field by field; the CSV
// import reports every problem with its line and column, refuses unknown or crafted headers, saves
// nothing on a dry run or an error, and an export imports back unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import type { Role } from '../../src/lib/domain/types';
import { isFieldError } from '../../src/lib/server/admin/input';
import type { Actor } from '../../src/lib/server/auth/actor';
import { findStandardService, listStandardServices } from '../../src/lib/server/db/standard-services';
import { AppError } from '../../src/lib/server/errors';
import {
	exportStandardServicesCsv,
	importStandardServicesCsv
} from '../../src/lib/server/national-catalogue/csv';
import {
	createStandardService,
	setStandardServiceActive,
	updateStandardServiceFields
} from '../../src/lib/server/national-catalogue/standard-services';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});
afterAll(async () => {
	await db?.drop();
});

const person = (id: string, role: Role, mppId: string | null): Actor => ({
	kind: 'user',
	user: { id, email: `${id}@uji.test`, name: role, role, mppId },
	sessionId: 'session'
});
const ministry = () => person(world.ministry.id, 'ministry', null);
const superadmin = () => person(world.superadmin.id, 'superadmin', null);
const status = async (work: () => Promise<unknown>) =>
	work().then(
		() => 'ok',
		(e) => (e instanceof AppError ? e.status : e)
	);

describe('the seeded catalogue', () => {
	it('holds the services MPPs offer, each with its agency, and the MoU flag', async () => {
		const rows = await listStandardServices(db.sql);
		expect(rows.length).toBeGreaterThanOrEqual(30);
		const byCode = new Map(rows.map((r) => [r.code, r]));
		expect(byCode.get('KTP_EL')).toMatchObject({ agency: 'Dukcapil (Kemendagri)', mou: true, active: true });
		expect(byCode.get('PASPOR')?.agency).toContain('Imigrasi');
		expect(byCode.get('SIM_PERPANJANGAN')?.agency).toContain('Polri');
		expect(byCode.get('REKENING_BANK')?.mou).toBe(false);
	});
});

describe('editing', () => {
	it('lets the ministry and the superadmin add, edit and deactivate; nobody else, not even an MPP admin', async () => {
		const [a] = world.mpps;
		for (const actor of [
			person(a.users.mpp_admin.id, 'mpp_admin', a.id),
			person(a.users.supervisor.id, 'supervisor', a.id),
			{ kind: 'anonymous' } as Actor
		]) {
			expect(
				await status(() => createStandardService(db.sql, actor, { code: 'X', name: 'X', agency: 'X' }))
			).not.toBe('ok');
			expect(await status(() => setStandardServiceActive(db.sql, actor, 'KTP_EL', false))).not.toBe('ok');
		}
		expect(await status(() => createStandardService(db.sql, { kind: 'anonymous' }, {}))).toBe(401);
		expect(
			await status(() => createStandardService(db.sql, person(a.users.mpp_admin.id, 'mpp_admin', a.id), {}))
		).toBe(403);

		const created = await createStandardService(db.sql, ministry(), {
			code: 'legalisir_ijazah',
			name: 'Legalisir ijazah',
			agency: 'Dinas Pendidikan',
			mou: 'on'
		});
		expect(created.value).toEqual({
			code: 'LEGALISIR_IJAZAH',
			name: 'Legalisir ijazah',
			agency: 'Dinas Pendidikan',
			mou: true,
			active: true
		});
		await updateStandardServiceFields(db.sql, superadmin(), 'LEGALISIR_IJAZAH', {
			name: 'Legalisasi ijazah',
			agency: 'Disdik'
		});
		await setStandardServiceActive(db.sql, ministry(), 'LEGALISIR_IJAZAH', false);
		expect(await findStandardService(db.sql, 'LEGALISIR_IJAZAH')).toEqual({
			code: 'LEGALISIR_IJAZAH',
			name: 'Legalisasi ijazah',
			agency: 'Disdik',
			mou: false,
			active: false
		});
	});

	it('refuses bad input field by field, a taken code, and an unknown code', async () => {
		const problems = await createStandardService(db.sql, ministry(), {
			code: 'ktp el!',
			name: ' ',
			agency: 'x'.repeat(201)
		}).catch((e) => e);
		expect(isFieldError(problems)).toBe(true);
		expect(
			Object.fromEntries(Object.entries(problems.fields).map(([k, v]) => [k, (v as { key: string }).key]))
		).toEqual({
			code: 'admin.invalid.code',
			name: 'admin.invalid.required',
			agency: 'admin.invalid.tooLong'
		});
		const taken = await createStandardService(db.sql, ministry(), {
			code: 'KTP_EL',
			name: 'KTP',
			agency: 'Dukcapil'
		}).catch((e) => e);
		expect(taken.fields.code.key).toBe('admin.invalid.codeTaken');
		expect(
			await status(() =>
				updateStandardServiceFields(db.sql, ministry(), 'TIDAK_ADA', { name: 'a', agency: 'b' })
			)
		).toBe(404);
		expect(await status(() => setStandardServiceActive(db.sql, ministry(), { __proto__: 1 }, false))).toBe(
			404
		);
	});
});

describe('CSV', () => {
	const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

	it('exports every standard service, and the export imports back unchanged', async () => {
		const text = await exportStandardServicesCsv(db.sql, ministry());
		const rows = parseCsv(text);
		expect(rows[0]).toEqual(['code', 'name', 'agency', 'mou', 'active']);
		expect(rows.find((r) => r[0] === 'PASPOR')?.slice(3)).toEqual(['ya', 'ya']);
		const report = await importStandardServicesCsv(db.sql, ministry(), text, { dryRun: false });
		expect(report).toMatchObject({ applied: true, created: 0, updated: 0, errors: [] });
		expect(report.unchanged).toBe(rows.length - 1);
		expect(
			await status(() =>
				exportStandardServicesCsv(
					db.sql,
					person(world.mpps[0].users.mpp_admin.id, 'mpp_admin', world.mpps[0].id)
				)
			)
		).toBe(403);
	});

	it('guards formula-like names in the export, and reads them back unchanged', async () => {
		await createStandardService(db.sql, ministry(), {
			code: 'FORMULA',
			name: '=HYPERLINK("http://x","klik")',
			agency: '@SUM(A1)'
		});
		const text = await exportStandardServicesCsv(db.sql, ministry());
		const row = parseCsv(text).find((r) => r[0] === 'FORMULA')!;
		expect(row.slice(1, 3)).toEqual([`'=HYPERLINK("http://x","klik")`, "'@SUM(A1)"]);
		const report = await importStandardServicesCsv(db.sql, ministry(), text, { dryRun: false });
		expect(report).toMatchObject({ created: 0, updated: 0, errors: [] });
		expect(await findStandardService(db.sql, 'FORMULA')).toMatchObject({
			name: '=HYPERLINK("http://x","klik")'
		});
	});

	it('creates and updates by code; a dry run saves nothing', async () => {
		const file = csv(
			'code,name,agency,mou,active',
			'SIUP_BARU,Izin usaha baru,DPMPTSP,tidak,ya',
			'KTP_EL,Perekaman KTP-el,Dukcapil (Kemendagri),yes,'
		);
		const dry = await importStandardServicesCsv(db.sql, ministry(), file, { dryRun: true });
		expect(dry).toMatchObject({ applied: false, created: 1, updated: 1, errors: [] });
		expect(await findStandardService(db.sql, 'SIUP_BARU')).toBeNull();
		const applied = await importStandardServicesCsv(db.sql, ministry(), file, { dryRun: false });
		expect(applied).toMatchObject({ applied: true, created: 1, updated: 1 });
		expect((await findStandardService(db.sql, 'KTP_EL'))?.name).toBe('Perekaman KTP-el');
		expect(await findStandardService(db.sql, 'SIUP_BARU')).toMatchObject({ mou: false, active: true });
	});

	it('reports every problem with its line and column and saves nothing', async () => {
		const report = await importStandardServicesCsv(
			db.sql,
			ministry(),
			csv(
				'code,name,agency,mou,active',
				'BARU_SATU,Layanan baru,Instansi,ya,ya',
				'bad code,Nama,Instansi,ya,ya',
				'BARU_DUA,,Instansi,mungkin,ya',
				'BARU_SATU,Lagi,Instansi,ya,ya'
			),
			{ dryRun: false }
		);
		expect(report.applied).toBe(false);
		expect(report.errors.map((e) => [e.line, e.field, e.key])).toEqual([
			[3, 'code', 'admin.invalid.code'],
			[4, 'mou', 'catalogue.import.yesNo'],
			[4, 'name', 'admin.invalid.required'],
			[5, 'code', 'catalogue.import.repeated']
		]);
		expect(await findStandardService(db.sql, 'BARU_SATU')).toBeNull();
	});

	it('refuses a file whose header is missing a column, unknown or crafted', async () => {
		for (const header of [
			'code,name',
			'code,name,agency,harga',
			'code,name,agency,__proto__',
			'code,name,agency,constructor'
		]) {
			const report = await importStandardServicesCsv(db.sql, ministry(), csv(header, 'A,B,C,D'), {
				dryRun: false
			});
			expect(report.errors, header).toHaveLength(1);
			expect(report.errors[0]).toMatchObject({ line: 1, key: 'admin.import.header' });
		}
		expect(({} as Record<string, unknown>).D).toBeUndefined();
		expect(await findStandardService(db.sql, 'A')).toBeNull();
	});

	it('refuses anyone but the ministry and the superadmin', async () => {
		const a = world.mpps[0];
		expect(
			await status(() =>
				importStandardServicesCsv(
					db.sql,
					person(a.users.mpp_admin.id, 'mpp_admin', a.id),
					'code,name,agency\r\n',
					{
						dryRun: true
					}
				)
			)
		).toBe(403);
	});
});
