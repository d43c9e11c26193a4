// The national catalogue's doors over HTTP against the production build (issue 14): who may open
// /ministry/catalogue and its CSV, and form actions that refuse a wrong person before reading the
// body, bad input field by field (in the reader's language), crafted field names and CSV headers,
// all as 4xx and never a 500. The rules themselves are tested in catalogue-standard-services.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStandardService } from '../../src/lib/server/db/standard-services';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const get = (path: string, token?: string) =>
	fetch(`${app.url}${path}`, {
		redirect: 'manual',
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});

/** A form action as the browser's enhanced form sends it. */
const post = (path: string, token: string, body: URLSearchParams | FormData, lang = 'id') =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			authorization: `Bearer ${token}`,
			origin: app.url,
			'x-sveltekit-action': 'true',
			cookie: `lang=${lang}`
		},
		body
	});
const answer = async (response: Response) =>
	(await response.json()) as { type: string; status: number; data: string; location?: string };

const csvFile = (text: string) => {
	const form = new FormData();
	form.set('file', new File([text], 'katalog.csv', { type: 'text/csv' }));
	form.set('mode', 'apply');
	return form;
};

describe('/ministry/catalogue', () => {
	it('opens for the ministry and the superadmin, sends others to the login or refuses them', async () => {
		for (const email of [world.ministry.email, world.superadmin.email]) {
			const response = await get('/ministry/catalogue', await signIn(app.url, email, PASSWORD));
			expect(response.status, email).toBe(200);
			expect(await response.text()).toContain('Paspor (permohonan baru dan penggantian)');
		}
		expect((await get('/ministry/catalogue')).status).toBe(303);
		const admin = await get(
			'/ministry/catalogue',
			await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD)
		);
		expect(admin.status).toBe(403);
	});

	it('exports the catalogue as CSV for the ministry only', async () => {
		const response = await get(
			'/ministry/catalogue/export.csv',
			await signIn(app.url, world.ministry.email, PASSWORD)
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		expect((await response.text()).split('\r\n')[0]).toBe('code,name,agency,mou,active');
		const admin = await get(
			'/ministry/catalogue/export.csv',
			await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD)
		);
		expect(admin.status).toBe(403);
	});
});

describe('the catalogue form actions', () => {
	it('refuses an MPP admin before reading the form, in words', async () => {
		const token = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
		const response = await post(
			'/ministry/catalogue?/create',
			token,
			new URLSearchParams({ code: 'X', name: 'X', agency: 'X' })
		);
		expect(await answer(response)).toMatchObject({ type: 'failure', status: 403 });
		expect(await findStandardService(db.sql, 'X')).toBeNull();
	});

	it('refuses bad input field by field in both languages, and saves good input', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const bad = new URLSearchParams({ code: 'kode salah', name: '', agency: 'Imigrasi' });
		const id = await answer(await post('/ministry/catalogue?/create', token, bad));
		expect(id).toMatchObject({ type: 'failure', status: 422 });
		expect(id.data).toContain('Wajib diisi.');
		const en = await answer(await post('/ministry/catalogue?/create', token, bad, 'en'));
		expect(en.status).toBe(422);
		expect(en.data).not.toContain('Wajib diisi.');
		const good = new URLSearchParams({
			code: 'VISA_KUNJUNGAN',
			name: 'Visa kunjungan',
			agency: 'Imigrasi',
			mou: 'on'
		});
		expect(await answer(await post('/ministry/catalogue?/create', token, good))).toMatchObject({
			type: 'redirect'
		});
		expect(await findStandardService(db.sql, 'VISA_KUNJUNGAN')).toMatchObject({ mou: true, active: true });
		const off = new URLSearchParams({ code: 'VISA_KUNJUNGAN', active: 'false' });
		expect((await answer(await post('/ministry/catalogue?/active', token, off))).type).toBe('success');
		expect((await findStandardService(db.sql, 'VISA_KUNJUNGAN'))?.active).toBe(false);
	});

	it('refuses crafted field names and crafted CSV headers with a 4xx', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const crafted = new URLSearchParams([
			['__proto__.polluted', 'yes'],
			['code', 'A']
		]);
		expect((await answer(await post('/ministry/catalogue?/create', token, crafted))).status).toBe(400);
		const report = await answer(
			await post('/ministry/catalogue?/import', token, csvFile('code,name,agency,__proto__\r\nA,B,C,D\r\n'))
		);
		expect(report.type).toBe('success');
		expect(report.data).toContain('Baris judul harus memuat kolom');
		expect(await findStandardService(db.sql, 'A')).toBeNull();
		const empty = await answer(await post('/ministry/catalogue?/import', token, new FormData()));
		expect(empty.status).toBe(400);
	});

	it('imports a file line by line, reporting problems per line', async () => {
		const token = await signIn(app.url, world.superadmin.email, PASSWORD);
		const report = await answer(
			await post(
				'/ministry/catalogue?/import',
				token,
				csvFile(
					'code,name,agency,mou\r\nSTR_NAKES,STR tenaga kesehatan,Kemenkes,ya\r\nSALAH,,Kemenkes,ya\r\n'
				)
			)
		);
		expect(report.data).toContain('Wajib diisi.');
		expect(await findStandardService(db.sql, 'STR_NAKES')).toBeNull();
		const fixed = await answer(
			await post(
				'/ministry/catalogue?/import',
				token,
				csvFile('code,name,agency,mou\r\nSTR_NAKES,STR tenaga kesehatan,Kemenkes,ya\r\n')
			)
		);
		expect(fixed.type).toBe('success');
		expect(await findStandardService(db.sql, 'STR_NAKES')).toMatchObject({ agency: 'Kemenkes', mou: true });
	});
});

describe('which MPPs lack a standard service', () => {
	it('lists the active MPPs with no active service mapped to it, on the page and as CSV', async () => {
		const [jkt, mks] = world.mpps;
		await db.sql`UPDATE services SET standard_code = 'SKCK' WHERE id = ${jkt.services.c}`;
		// mapped but inactive does not count as offering it
		await db.sql`UPDATE services SET standard_code = 'SKCK', active = false WHERE id = ${mks.services.c}`;
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const page = await get('/ministry/services/SKCK', token);
		expect(page.status).toBe(200);
		// the lacking list only: the figures table above it lists every MPP that maps the service
		const html = await page.text();
		const lacking = html.slice(html.indexOf('data-testid="lacking"'));
		expect(lacking).toContain(`MPP ${mks.slug}`);
		expect(lacking).not.toContain(`MPP ${jkt.slug}<`);
		const csv = await get('/ministry/services/SKCK/lacking.csv', token);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		expect((await csv.text()).trim().split('\r\n')).toEqual([
			'standard_code,standard_name,agency,mpp,mpp_name,province,city',
			`SKCK,Surat Keterangan Catatan Kepolisian (SKCK),Polri,${mks.slug},MPP ${mks.slug},Uji,${mks.slug}`
		]);
		const paspor = await (await get('/ministry/services/PASPOR/lacking.csv', token)).text();
		expect(paspor.trim().split('\r\n')).toHaveLength(3);
	});

	it('answers an unknown or crafted code with a readable 404, and other roles with 403', async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		for (const code of ['TIDAK_ADA', '__proto__', 'a%20b']) {
			const response = await get(`/ministry/services/${code}/lacking.csv`, token);
			expect(response.status, code).toBe(404);
			expect((await get(`/ministry/services/${code}`, token)).status, code).toBe(404);
		}
		const admin = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
		expect((await get('/ministry/services/PASPOR', admin)).status).toBe(403);
		expect((await get('/ministry/services/PASPOR/lacking.csv', admin)).status).toBe(403);
	});
});
