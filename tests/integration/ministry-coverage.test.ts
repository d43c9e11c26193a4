// "How many regencies and cities are still without an MPP against this year's target?" (issue 14),
// over HTTP against the production build: the 514 regencies and cities of idn-area-data, an MPP on
// Antrean counted as operating by its region code, the ministry recording statuses and the year's
// target through the page's forms (audited, validated), per-province counts, the CSV, and the door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { currentYear } from '../../src/lib/server/national-coverage/coverage';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;
let ministry: string;
const year = currentYear();

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	// the world's first MPP is Kota Jayapura's
	await db.sql`UPDATE mpps SET region_code = '91.71' WHERE id = ${world.mpps[0].id}`;
	app = await startAppServer(db.url);
	ministry = await signIn(app.url, world.ministry.email, PASSWORD);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const page = (path: string, token = ministry) =>
	fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });

const action = (name: string, fields: Record<string, string>, token = ministry) =>
	fetch(`${app.url}/ministry/coverage?/${name}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${token}`,
			origin: app.url,
			'content-type': 'application/x-www-form-urlencoded',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields)
	});

const csvRows = async () => {
	const response = await page(`/ministry/coverage/coverage.csv?year=${year}`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-disposition')).toContain(`antrean-cakupan-mpp-${year}.csv`);
	const [head, ...rows] = parseCsv(await response.text());
	return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

describe('coverage of regencies and cities', () => {
	it('counts all 514, with the MPP on Antrean operating in its regency, and no target yet', async () => {
		const html = await (await page('/ministry/coverage')).text();
		expect(html).toContain('513 dari 514 kabupaten/kota belum memiliki MPP.');
		expect(html).toContain(`Belum ada target untuk ${year}.`);
		const rows = await csvRows();
		expect(rows.filter((r) => r.level === 'regency')).toHaveLength(514);
		expect(rows.find((r) => r.code === '91.71')).toMatchObject({
			status: 'operating',
			mpps: world.mpps[0].slug,
			province: 'Papua'
		});
		expect(rows.find((r) => r.level === 'national')).toMatchObject({
			regions: '514',
			with_mpp: '1',
			target: ''
		});
	});

	it('takes the year target and statuses from the ministry, audited, and answers against the target', async () => {
		expect((await action('setTarget', { year: String(year), regencies: '300' })).status).toBe(200);
		const inaugurated = await action('setStatus', {
			code: '32.73',
			status: 'inaugurated',
			inauguratedOn: '2024-05-02'
		});
		expect(await inaugurated.json()).toMatchObject({ type: 'success' });
		await action('setStatus', { code: '32.04', status: 'building' });
		// refused in words: an unknown code, an inauguration without its date, a target of 0
		for (const [name, fields] of [
			['setStatus', { code: '99.99', status: 'planned' }],
			['setStatus', { code: '32.01', status: 'inaugurated' }],
			['setStatus', { code: '32.01', status: 'operating' }],
			['setTarget', { year: String(year), regencies: '0' }],
			['setTarget', { year: 'tahun ini', regencies: '10' }]
		] as const) {
			const refused = (await (await action(name, fields)).json()) as { type: string; status: number };
			expect(refused, `${name} ${JSON.stringify(fields)}`).toMatchObject({ type: 'failure' });
		}
		const html = await (await page(`/ministry/coverage?year=${year}&province=Jawa%20Barat`)).text();
		expect(html).toContain('512 dari 514 kabupaten/kota belum memiliki MPP.');
		expect(html).toContain(`Target ${year}: 300 kabupaten/kota memiliki MPP; tercapai 2, kurang 298.`);
		expect(html).toContain('data-testid="coverage-regions"');
		expect(html).toContain('2024-05-02');
		// the pace of building: Bandung's inauguration in 2024, the target in this year's row
		const pace = html.slice(html.indexOf('data-testid="coverage-pace"'));
		expect(pace).toMatch(/>2024<\/th>\s*<td class="num">1<\/td>/);
		expect(pace).toMatch(new RegExp(`>${year}</th>.*?<td class="num">300</td>`, 's'));
		const rows = await csvRows();
		expect(rows.find((r) => r.level === 'national')).toMatchObject({
			with_mpp: '2',
			without_mpp: '512',
			building: '1',
			target: '300',
			remaining_to_target: '298'
		});
		expect(rows.find((r) => r.level === 'province' && r.province === 'Jawa Barat')).toMatchObject({
			inaugurated: '1',
			building: '1'
		});
		const audit = await db.sql`SELECT entity, entity_id FROM national_audit ORDER BY at`;
		expect(audit.map((a) => `${a.entity}:${a.entity_id}`)).toEqual([
			`coverage_target:${year}`,
			'region_status:32.73',
			'region_status:32.04'
		]);
	});

	it('is the ministry’s and the superadmin’s alone, and a bad address is a readable 400', async () => {
		const operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
		expect((await page('/ministry/coverage', operator)).status).toBe(403);
		expect((await page('/ministry/coverage/coverage.csv', operator)).status).toBe(403);
		const refused = (await (
			await action('setTarget', { year: String(year), regencies: '5' }, operator)
		).json()) as {
			status: number;
		};
		expect(refused.status).toBe(403);
		expect((await fetch(`${app.url}/ministry/coverage`, { redirect: 'manual' })).status).toBe(303);
		expect((await page('/ministry/coverage?year=1800')).status).toBe(400);
		expect((await page('/ministry/coverage?province=Atlantis')).status).toBe(400);
		const superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
		expect((await page('/ministry/coverage', superadmin)).status).toBe(200);
		const [{ n }] = await db.sql`SELECT count(*)::int AS n FROM coverage_targets WHERE regencies = 5`;
		expect(n).toBe(0);
	});
});
