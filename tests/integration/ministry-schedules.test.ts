// "Which MPPs differ from the national opening hours?" (issue 14), answered from the data and over
// HTTP: the norm is the week most MPPs keep, each differing MPP is named with its days and Saturday
// service, a province narrows the list (not the norm), the CSV carries every MPP, and only the
// ministry and the superadmin get in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../src/lib/domain/types';
import { scheduleUniformity, schedulesCsv } from '../../src/lib/server/national/schedules';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createMpp, createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;

const week = (day: [string, string][], sat: [string, string][] = []): OpeningHours => ({
	sun: [],
	mon: day,
	tue: day,
	wed: day,
	thu: day,
	fri: day,
	sat
});
const office = week([['08:00', '16:00']]);

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	// the world's two MPPs and two more keep office hours; one opens on Saturday, one earlier
	await db.sql`UPDATE mpps SET opening_hours = ${db.sql.json(office)}, province = 'Jawa Barat'`;
	for (const slug of ['norma-a', 'norma-b']) await createMpp(db.sql, slug, 'Asia/Jakarta');
	await createMpp(db.sql, 'sabtu', 'Asia/Makassar');
	await createMpp(db.sql, 'pagi', 'Asia/Jayapura');
	await db.sql`UPDATE mpps SET opening_hours = ${db.sql.json(office)}, province = 'Jawa Barat'
		WHERE slug IN ('norma-a', 'norma-b')`;
	await db.sql`UPDATE mpps SET opening_hours = ${db.sql.json(week([['08:00', '16:00']], [['08:00', '12:00']]))},
		province = 'Bali' WHERE slug = 'sabtu'`;
	await db.sql`UPDATE mpps SET opening_hours = ${db.sql.json(week([['07:00', '15:00']]))}, province = 'Papua'
		WHERE slug = 'pagi'`;
	app = await startAppServer(db.url);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

describe('schedule uniformity', () => {
	it('names the MPPs that differ from the week most MPPs keep, with the days and Saturday service', async () => {
		const result = await scheduleUniformity(db.sql);
		expect(result.norm).toEqual(office);
		expect(result).toMatchObject({ total: 6, keptBy: 4, saturday: 1 });
		const differing = result.rows.filter((r) => r.differs.length > 0);
		expect(differing.map((r) => [r.slug, r.differs, r.saturday, r.zone])).toEqual([
			['sabtu', ['sat'], true, 'WITA'],
			['pagi', ['mon', 'tue', 'wed', 'thu', 'fri'], false, 'WIT']
		]);
		// a province narrows the list, never the norm
		const bali = await scheduleUniformity(db.sql, { province: 'Bali' });
		expect(bali.norm).toEqual(office);
		expect(bali.rows.map((r) => r.slug)).toEqual(['sabtu']);
		expect(bali.provinces).toEqual(['Bali', 'Jawa Barat', 'Papua']);

		const csv = schedulesCsv(result).trim().split('\r\n');
		expect(csv[0]).toBe(
			'mpp,name,province,city,zone,differs,differs_on,saturday,sun,mon,tue,wed,thu,fri,sat'
		);
		expect(csv[1]).toBe('national_norm,,,,,,,,,08:00–16:00,08:00–16:00,08:00–16:00,08:00–16:00,08:00–16:00,');
		expect(csv).toHaveLength(2 + 6);
		expect(csv.find((l) => l.startsWith('sabtu,'))).toContain(',yes,sat,yes,');
		expect(csv.find((l) => l.startsWith('norma-a,'))).toContain(',no,,no,');
	});
});

describe('/ministry/schedules over HTTP', () => {
	const get = (path: string, token?: string) =>
		fetch(`${app.url}${path}`, {
			redirect: 'manual',
			headers: { cookie: 'lang=id', ...(token ? { authorization: `Bearer ${token}` } : {}) }
		});

	it('answers the ministry on the page and as CSV, and refuses everyone else', async () => {
		const ministry = await signIn(app.url, world.ministry.email, PASSWORD);
		const page = await get('/ministry/schedules', ministry);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Keseragaman jam layanan');
		expect(html).toContain('data-slug="sabtu"');
		expect(html).toContain('data-slug="pagi"');
		expect(html).not.toContain('data-slug="norma-a"');
		expect(await (await get('/ministry/schedules?all=1', ministry)).text()).toContain('data-slug="norma-a"');

		const csv = await get('/ministry/schedules/schedules.csv?province=Papua', ministry);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines.map((l) => l.split(',')[0])).toEqual(['mpp', 'national_norm', 'pagi']);

		expect((await get('/ministry/schedules?all=2', ministry)).status).toBe(400);
		expect((await get('/ministry/schedules?__proto__=x', ministry)).status).toBe(200);
		expect((await get('/ministry/schedules')).status).toBe(303);
		const manager = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
		expect((await get('/ministry/schedules', manager)).status).toBe(403);
		expect((await get('/ministry/schedules/schedules.csv', manager)).status).toBe(403);
	});
});
