// The ministry's trends, distribution, grade-change and regions pages over real HTTP (production
// build): who may open them, bad addresses answered 400 with a reason, and aggregates only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCounter } from '../../src/lib/server/db/counters';
import { insertMpp } from '../../src/lib/server/db/mpps';
import { insertService } from '../../src/lib/server/db/services';
import { insertTenant } from '../../src/lib/server/db/tenants';
import { generateHistory } from '../../src/lib/server/history/generate';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { rebuildStats } from '../../src/lib/server/stats/rollup';
import { startAppServer, signIn, type AppServer } from '../helpers/app-server';
import { allDay, createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
const tokens: Record<string, string> = {};
const range = 'from=2026-10-05&to=2026-10-10';

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	// three more MPPs, so the distribution has quartiles; the slow one's citizens waited hours longer
	const more = [];
	for (const slug of ['medan-uji', 'padang-uji', 'slow-uji']) {
		const mpp = await insertMpp(db.sql, {
			slug,
			name: `MPP ${slug}`,
			province: 'Sumatra Uji',
			city: slug,
			timezone: 'Asia/Jakarta',
			openingHours: allDay
		});
		const tenant = await insertTenant(db.sql, { mppId: mpp.id, code: 'DUKCAPIL', name: 'Disdukcapil' });
		const service = await insertService(db.sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			code: 'KTP',
			prefix: 'A',
			name: 'KTP-el'
		});
		await insertCounter(db.sql, {
			mppId: mpp.id,
			tenantId: tenant.id,
			name: 'Loket 1',
			serviceIds: [service.id],
			status: 'open'
		});
		more.push({ id: mpp.id });
	}
	for (const [i, mpp] of [...world.mpps, ...more].entries()) {
		const days = { mppId: mpp.id, from: '2026-10-05', to: '2026-10-10' };
		await generateHistory(db.sql, { ...days, ticketsPerWeekday: 40, seed: i + 3 });
		await generateHistorySurveys(db.sql, { ...days, seed: i + 3 });
	}
	const slow = more[2].id;
	await db.sql`
		UPDATE tickets SET issued_at = issued_at - interval '3 hours', queued_at = queued_at - interval '3 hours'
		WHERE mpp_id = ${slow}`;
	await rebuildStats(db.sql, slow, '2026-10-05', '2026-10-10');
	app = await startAppServer(db.url);
	tokens.superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
	tokens.ministry = await signIn(app.url, world.ministry.email, PASSWORD);
	tokens.adminA = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
	tokens.operatorA = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

async function get(who: string | null, path: string) {
	const headers: Record<string, string> = who ? { authorization: `Bearer ${tokens[who]}` } : {};
	const response = await fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
	return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

const pages = [
	`/ministry/trends?${range}&granularity=week`,
	`/ministry/distribution?${range}`,
	'/ministry/grades?after=2026-10&before=2026-09',
	`/ministry/regions?${range}`
];

describe.each(pages)('%s', (path) => {
	it('sends an anonymous visitor to the login and back', async () => {
		const { status, location } = await get(null, path);
		expect(status).toBe(303);
		expect(location).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`);
	});

	it('refuses the people of an MPP', async () => {
		for (const who of ['adminA', 'operatorA']) {
			const { status, text } = await get(who, path);
			expect(status).toBe(403);
			expect(text).toContain('Kementerian PANRB');
		}
	});

	it('opens for the ministry and the superadmin, titled as the ministry’s dashboard, without personal data', async () => {
		for (const who of ['ministry', 'superadmin']) {
			const { status, text } = await get(who, path);
			expect(status).toBe(200);
			expect(text).toContain('Dasbor Kementerian');
			expect(text).not.toContain('Dasbor Pengelola');
			// aggregates only: no ticket numbers, tracking codes or respondents' comments
			expect(text).not.toMatch(/track_code|trackCode|"comment"/);
		}
	});
});

describe('bad addresses', () => {
	it.each([
		'/ministry?size=huge',
		'/ministry/trends?granularity=day',
		'/ministry/trends?from=2026-10-10&to=2026-10-01',
		'/ministry/distribution?size=tiny',
		'/ministry/grades?after=2026-13',
		'/ministry/regions?from=yesterday'
	])('%s is a 400 with the reason', async (path) => {
		const { status, text } = await get('ministry', path);
		expect(status).toBe(400);
		expect(text).toContain('Periode atau saringan tidak sah');
	});
});

describe('filters', () => {
	it('keeps the ranking’s MPPs of the chosen size only', async () => {
		const small = await get('ministry', `/ministry?${range}&size=small`);
		expect(small.status).toBe(200);
		expect(small.text).toContain('data-slug="jakarta-uji"');
		const large = await get('ministry', `/ministry?${range}&size=large`);
		expect(large.text).not.toContain('data-slug="jakarta-uji"');
		expect(large.text).toContain('Tidak ada MPP yang cocok dengan saringan.');
	});

	it('names the outlier and links it to its row in the ranking of the same period', async () => {
		const { text } = await get('ministry', `/ministry/distribution?${range}`);
		const outliers = text.slice(text.indexOf('data-testid="outliers-wait"'));
		expect(outliers).toContain('MPP slow-uji');
		// SvelteKit renders paths relative on the server ("../ministry" from /ministry/distribution)
		expect(outliers).toMatch(/href="(\.\.)?\/ministry\?from=2026-10-05&(amp;)?to=2026-10-10#mpp-slow-uji"/);
		const ranking = await get('ministry', `/ministry?${range}`);
		expect(ranking.text).toContain('id="mpp-slow-uji"');
	});

	it('shows one province’s trend when asked', async () => {
		const { text } = await get('ministry', `/ministry/trends?${range}&province=Uji`);
		expect(text).toContain('data-testid="trends-scope"');
		expect(text).toMatch(/Uji · 5 Okt 2026/);
	});
});
