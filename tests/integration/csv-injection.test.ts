// CSV exports are safe to open in a spreadsheet (issue 10 item 8, OWASP CSV injection): a name that
// starts like a formula comes out behind a quote, through the real routes of the production build,
// and the setup export still imports back without changing a name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { importCsv } from '../../src/lib/server/admin/bulk';
import { listServiceRows, listTenantRows } from '../../src/lib/server/db/catalogue-edits';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;

const serviceName = '=HYPERLINK("http://x","y")';
const tenantName = '-1+2';
const counterName = '@SUM(1+1)';
const mppName = '+cmd|" /C calc"!A0';

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const mpp = world.mpps[0];
	await db.sql`UPDATE services SET name = ${serviceName} WHERE id = ${mpp.services.a}`;
	await db.sql`UPDATE tenants SET name = ${tenantName} WHERE id = (SELECT tenant_id FROM services WHERE id = ${mpp.services.a})`;
	await db.sql`UPDATE counters SET name = ${counterName} WHERE id = ${mpp.counters.two}`;
	await db.sql`UPDATE mpps SET name = ${mppName} WHERE id = ${mpp.id}`;
	app = await startAppServer(db.url);
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

/** Every cell of a CSV body that a spreadsheet would run as a formula. */
const formulas = (body: string) =>
	parseCsv(body)
		.flat()
		.filter((cell) => /^[=+\-@\t\r]/.test(cell));

describe('CSV exports', () => {
	it('the setup export quotes formula-like names, and importing it back changes nothing', async () => {
		const mpp = world.mpps[0];
		const token = await signIn(app.url, mpp.users.mpp_admin.email, PASSWORD);
		const response = await fetch(`${app.url}/admin/${mpp.slug}/import/export.csv`, {
			headers: { authorization: `Bearer ${token}` }
		});
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(formulas(body)).toEqual([]);
		expect(body).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(body).toContain(`'${tenantName}`);
		expect(body).toContain(`'${counterName}`);

		const superadmin = {
			kind: 'user' as const,
			user: {
				id: world.superadmin.id,
				email: world.superadmin.email,
				name: 'S',
				role: 'superadmin' as const,
				mppId: null
			},
			sessionId: 'session'
		};
		const { report } = await importCsv(db.sql, superadmin, mpp.id, body, { dryRun: false });
		expect(report).toMatchObject({ errors: [], created: 0, updated: 0 });
		const services = await listServiceRows(db.sql, mpp.id);
		expect(services.find((s) => s.id === mpp.services.a)?.name).toBe(serviceName);
		expect((await listTenantRows(db.sql, mpp.id)).map((t) => t.name)).toContain(tenantName);
	});

	it("the ministry's ranking CSV quotes a formula-like MPP name and keeps numbers as numbers", async () => {
		const token = await signIn(app.url, world.ministry.email, PASSWORD);
		const response = await fetch(`${app.url}/api/v1/stats/mpps`, {
			headers: { authorization: `Bearer ${token}`, accept: 'text/csv' }
		});
		expect(response.status).toBe(200);
		const body = await response.text();
		expect(formulas(body)).toEqual([]);
		expect(parseCsv(body).some((row) => row.includes(`'${mppName}`))).toBe(true);
	});
});
