// The ministry's programme view beyond coverage (issue 14), over HTTP against the production build:
// the coverage matrix with MoU shares and gaps per province, the province tile map, readiness
// indicators recorded with their history and score, the SP4N-LAPOR! link counted per MPP (once per
// visitor and day) with the survey's complaint element, the catalogue's edits in the national audit,
// and the doors (role, crafted input).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/csv';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { callNext, finish, issueTicket, start } from '../../src/lib/server/queue';
import { answerSurvey } from '../../src/lib/server/survey/answer';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;
let ministry: string;
let served: { jayapura: string; makassar: string };

/** Issues, calls and finishes a ticket now; answers the survey with `pengaduan` for that element. */
async function serveWithSurvey(mpp: MppFixture, pengaduan: 1 | 2 | 3 | 4): Promise<string> {
	const { ticket } = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} });
	await callNext(db.sql, { counterId: mpp.counters.two, actor: {} });
	await start(db.sql, { ticketId: ticket.id, actor: {} });
	await finish(db.sql, { ticketId: ticket.id, actor: {} });
	const answers = {
		persyaratan: 4 as const,
		prosedur: 4 as const,
		waktu: 4 as const,
		biaya: 4 as const,
		produk: 4 as const,
		kompetensi: 4 as const,
		perilaku: 4 as const,
		pengaduan,
		sarana: 4 as const
	};
	await answerSurvey(db.sql, {
		trackCode: ticket.trackCode,
		body: { answers, profile: {}, comment: null },
		actor: { kind: 'anonymous' }
	});
	return ticket.trackCode;
}

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const [jayapura, makassar] = world.mpps;
	await db.sql`UPDATE mpps SET province = 'Papua', name = 'MPP Kota Jayapura' WHERE id = ${jayapura.id}`;
	await db.sql`UPDATE mpps SET province = 'Sulawesi Selatan', name = 'MPP Kota Makassar' WHERE id = ${makassar.id}`;
	// Jayapura: KTP-el, KK (Dukcapil) and SKCK (Polri); Makassar: KTP-el only, and an inactive SKCK
	await db.sql`UPDATE services SET standard_code = 'KTP_EL' WHERE id IN ${db.sql([jayapura.services.a, makassar.services.a])}`;
	await db.sql`UPDATE services SET standard_code = 'KK' WHERE id = ${jayapura.services.b}`;
	await db.sql`UPDATE services SET standard_code = 'SKCK' WHERE id = ${jayapura.services.c}`;
	await db.sql`UPDATE services SET standard_code = 'SKCK', active = false WHERE id = ${makassar.services.c}`;
	served = { jayapura: await serveWithSurvey(jayapura, 2), makassar: await serveWithSurvey(makassar, 4) };
	app = await startAppServer(db.url);
	ministry = await signIn(app.url, world.ministry.email, PASSWORD);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const get = (path: string, token: string | null = ministry) =>
	fetch(`${app.url}${path}`, {
		redirect: 'manual',
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});

const post = (path: string, fields: Record<string, string> | FormData, token = ministry) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { authorization: `Bearer ${token}`, origin: app.url, 'x-sveltekit-action': 'true' },
		body: fields instanceof FormData ? fields : new URLSearchParams(fields)
	});

const csv = async (path: string) => {
	const response = await get(path);
	expect(response.status, path).toBe(200);
	expect(response.headers.get('content-type')).toContain('text/csv');
	const [head, ...rows] = parseCsv(await response.text());
	return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

const mouAgencies = async () => {
	const [{ n }] = await db.sql<{ n: number }[]>`
		SELECT count(DISTINCT agency)::int AS n FROM standard_services WHERE mou AND active`;
	return n;
};

describe('coverage matrix', () => {
	it('shows each MPP against the standard services with its MoU share, and the gaps per province', async () => {
		const agencies = await mouAgencies();
		const page = await get('/ministry/matrix');
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-testid="service-matrix"');
		expect(html).toContain('MPP Kota Jayapura');

		const rows = await csv('/ministry/matrix/matrix.csv');
		const jayapura = rows.find((r) => r.mpp === world.mpps[0].slug)!;
		const makassar = rows.find((r) => r.mpp === world.mpps[1].slug)!;
		// Dukcapil and Polri are present at Jayapura; only Dukcapil at Makassar (its SKCK is inactive)
		expect(jayapura).toMatchObject({
			KTP_EL: '1',
			KK: '1',
			SKCK: '1',
			PASPOR: '0',
			mou_agencies_present: '2'
		});
		expect(makassar).toMatchObject({ KTP_EL: '1', KK: '0', SKCK: '0', mou_agencies_present: '1' });
		expect(jayapura.mou_agencies).toBe(String(agencies));
		expect(jayapura.mou_share_percent).toBe(((2 / agencies) * 100).toFixed(1));

		const gaps = await csv('/ministry/matrix/gaps.csv');
		const papua = gaps.filter((g) => g.province === 'Papua');
		expect(papua.find((g) => g.standard_code === 'PASPOR')).toMatchObject({ mpps: '1', mpps_lacking: '1' });
		expect(papua.find((g) => g.standard_code === 'SKCK')).toBeUndefined();
		expect(gaps.find((g) => g.province === 'Sulawesi Selatan' && g.standard_code === 'SKCK')).toBeTruthy();
		// non-MoU services are no gap
		expect(gaps.find((g) => g.standard_code === 'AIR_BARU')).toBeUndefined();

		const narrowed = await (await get('/ministry/matrix?province=Papua&mou=1')).text();
		expect(narrowed).toContain('MPP Kota Jayapura');
		expect(narrowed).not.toContain('>MPP Kota Makassar<');
		expect(narrowed).not.toContain('>AIR_BARU<');
		expect((await get('/ministry/matrix?province=Atlantis')).status).toBe(400);
	});
});

describe('province tile map', () => {
	it('colours 38 provinces by coverage, IKM or service level, with the table beside', async () => {
		await db.sql`UPDATE mpps SET region_code = '91.71' WHERE id = ${world.mpps[0].id}`;
		const html = await (await get('/ministry/coverage')).text();
		expect(html.match(/role="listitem"/g)).toHaveLength(38);
		expect(html).toContain('data-testid="province-tile-table"');
		// Papua: one of its 9 regencies and cities has an MPP on Antrean; Aceh none yet
		expect(html).toMatch(/title="Papua: 11,1%"/);
		expect(html).toMatch(/title="Aceh: 0,0%"/);
		for (const map of ['ikm', 'serviceLevel']) {
			const response = await get(`/ministry/coverage?map=${map}`);
			expect(response.status, map).toBe(200);
			expect(await response.text()).toContain('role="listitem"');
		}
		expect((await get('/ministry/coverage?map=%3Cscript%3E')).status).toBe(400);
	});
});

describe('readiness', () => {
	const slug = () => world.mpps[0].slug;
	const record = (fields: Record<string, string>, token = ministry) =>
		post(`/ministry/readiness/${slug()}?/record`, fields, token);

	it('records indicators with their history, in the audit, and scores them by the formula shown', async () => {
		const first = await record({
			agencies_present: '12',
			digital_services: '20',
			vulnerable_facilities: 'true',
			complaint_channel: 'https://www.lapor.go.id/instansi/mpp-kota-jayapura',
			skm_published: 'false'
		});
		expect(await first.json()).toMatchObject({ type: 'success' });
		// a second save changes only what it names: agencies now 17; empty fields leave the rest
		const second = await record({ agencies_present: '17', digital_services: '', skm_published: '' });
		expect(await second.json()).toMatchObject({ type: 'success' });
		// saving the same value again records nothing new
		await record({ agencies_present: '17' });

		const html = await (await get(`/ministry/readiness/${slug()}`)).text();
		// 30 × 17/17 + 20 × min(20/10, 1) + 20 + 15 + 0
		expect(html).toContain('Skor kesiapan: 85,0 dari 100');
		expect(html).toContain('data-testid="readiness-formula"');
		expect(html).toContain('30 × min(jumlah ÷ 17, 1)');
		const history = await db.sql<{ indicator: string; value: string }[]>`
			SELECT indicator, value FROM mpp_readiness ORDER BY id`;
		expect(history.map((h) => `${h.indicator}=${h.value}`)).toEqual([
			'agencies_present=12',
			'digital_services=20',
			'vulnerable_facilities=true',
			'complaint_channel=https://www.lapor.go.id/instansi/mpp-kota-jayapura',
			'skm_published=false',
			'agencies_present=17'
		]);
		const audit = await db.sql<{ changes: Record<string, unknown> }[]>`
			SELECT changes FROM national_audit WHERE entity = 'readiness' ORDER BY at`;
		expect(audit).toHaveLength(2);
		expect(audit[1].changes).toEqual({ agencies_present: ['12', '17'] });

		const rows = await csv('/ministry/readiness/readiness.csv');
		expect(rows.find((r) => r.mpp === slug())).toMatchObject({
			score: '85',
			agencies_present: '17',
			vulnerable_facilities: 'ya',
			skm_published: 'tidak',
			points_skm_published: '0'
		});
		// an MPP with nothing recorded scores 0 and comes first on the list
		expect(rows[0]).toMatchObject({ mpp: world.mpps[1].slug, score: '0' });
	});

	it('refuses bad values in words and records nothing of them', async () => {
		const before = await db.sql`SELECT count(*)::int AS n FROM mpp_readiness`;
		const bad: Record<string, string>[] = [
			{ complaint_channel: 'javascript:alert(1)' },
			{ complaint_channel: 'http://www.lapor.go.id/' },
			{ complaint_channel: 'https://user:pw@lapor.go.id/' },
			{ agencies_present: '-1' },
			{ digital_services: '2.5' },
			{ vulnerable_facilities: 'maybe' }
		];
		for (const fields of bad) {
			const refused = (await (await record(fields)).json()) as { type: string; status: number };
			expect(refused, JSON.stringify(fields)).toMatchObject({ type: 'failure', status: 422 });
		}
		const crafted = (await (await record({ '__proto__.x': '1' })).json()) as { status: number };
		expect(crafted.status).toBe(400);
		const after = await db.sql`SELECT count(*)::int AS n FROM mpp_readiness`;
		expect(after[0].n).toBe(before[0].n);
		expect((await get('/ministry/readiness/tidak-ada')).status).toBe(404);
	});

	it('is the ministry’s and the superadmin’s alone', async () => {
		const admin = await signIn(app.url, world.mpps[0].users.mpp_admin.email, PASSWORD);
		expect((await get('/ministry/readiness', admin)).status).toBe(403);
		expect((await get('/ministry/readiness/readiness.csv', admin)).status).toBe(403);
		const refused = (await (await record({ agencies_present: '1' }, admin)).json()) as { status: number };
		expect(refused.status).toBe(403);
		const superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
		expect((await get(`/ministry/readiness/${slug()}`, superadmin)).status).toBe(200);
	});
});

describe('SP4N-LAPOR! complaints', () => {
	it('links the tracking page to SP4N-LAPOR! with the MPP named, through a counting address', async () => {
		const html = await (await get(`/t/${served.jayapura}`, null)).text();
		expect(html).toContain('MPP Kota Jayapura');
		expect(html).toContain('SP4N-LAPOR!');
		expect(html).toContain(`/lapor/${world.mpps[0].slug}?from=tracking&amp;t=${served.jayapura}`);
	});

	it('counts each visitor once a day per source, and forwards to the MPP’s own address', async () => {
		const jayapura = world.mpps[0].slug;
		for (let i = 0; i < 3; i++) {
			const response = await get(`/lapor/${jayapura}?from=tracking&t=${served.jayapura}`, null);
			expect(response.status).toBe(303);
			// recorded above by the readiness test
			expect(response.headers.get('location')).toBe('https://www.lapor.go.id/instansi/mpp-kota-jayapura');
		}
		await get(`/lapor/${jayapura}?from=survey&t=${served.jayapura}`, null);
		// the tablet's QR: no ticket, counted by the client; Makassar has no address of its own
		const makassar = await get(`/lapor/${world.mpps[1].slug}?from=survey`, null);
		expect(makassar.headers.get('location')).toBe('https://www.lapor.go.id/');
		await get(`/lapor/${world.mpps[1].slug}?from=survey`, null);
		// another MPP's ticket code does not count as that ticket
		await get(`/lapor/${world.mpps[1].slug}?from=tracking&t=${served.jayapura}`, null);
		// refused in words
		expect((await get(`/lapor/${jayapura}?from=kotak-saran`, null)).status).toBe(400);
		expect((await get('/lapor/tidak-ada?from=tracking', null)).status).toBe(404);

		const clicks = await db.sql<{ source: string; visitor: string }[]>`
			SELECT source, visitor FROM complaint_clicks ORDER BY source, visitor`;
		expect(clicks).toHaveLength(4);
		expect(clicks.filter((c) => c.visitor.startsWith('t:'))).toHaveLength(2);
		expect(clicks.every((c) => !c.visitor.includes('127.0.0.1'))).toBe(true);
	});

	it('shows link use and the survey’s complaint element per MPP, and as CSV', async () => {
		// up to the easternmost local date, so every MPP's today is inside whatever the hour
		const to = localDate(new Date(), 'Asia/Jayapura');
		const period = `from=${addDays(to, -7)}&to=${to}`;
		const html = await (await get(`/ministry/complaints?${period}`)).text();
		expect(html).toContain('data-testid="complaints-table"');
		const rows = await csv(`/ministry/complaints/complaints.csv?${period}`);
		expect(rows.find((r) => r.mpp === world.mpps[0].slug)).toMatchObject({
			lapor_clicks_tracking: '1',
			lapor_clicks_survey: '1',
			survey_respondents: '1',
			pengaduan_average: '2',
			pengaduan_index: '50'
		});
		expect(rows.find((r) => r.mpp === world.mpps[1].slug)).toMatchObject({
			lapor_clicks_tracking: '1',
			lapor_clicks_survey: '1',
			pengaduan_index: '100'
		});
		expect(rows.find((r) => r.level === 'national')).toMatchObject({
			lapor_clicks_tracking: '2',
			lapor_clicks_survey: '2',
			survey_respondents: '2',
			pengaduan_index: '75'
		});
		const operator = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
		expect((await get('/ministry/complaints', operator)).status).toBe(403);
		expect((await get('/ministry/complaints?from=kemarin')).status).toBe(400);
	});
});

describe('catalogue edits in the national audit', () => {
	it('keeps who added, changed, deactivated and imported which standard service', async () => {
		const superadmin = await signIn(app.url, world.superadmin.email, PASSWORD);
		await post(
			'/ministry/catalogue?/create',
			{ code: 'STR_NAKES', name: 'STR tenaga kesehatan', agency: 'Kemenkes', mou: 'on' },
			superadmin
		);
		await post('/ministry/catalogue?/update', {
			code: 'STR_NAKES',
			name: 'STR nakes',
			agency: 'Kemenkes',
			mou: 'on'
		});
		// the same values again change nothing and are not audited
		await post('/ministry/catalogue?/update', {
			code: 'STR_NAKES',
			name: 'STR nakes',
			agency: 'Kemenkes',
			mou: 'on'
		});
		await post('/ministry/catalogue?/active', { code: 'STR_NAKES', active: 'false' });
		const file = new FormData();
		file.set(
			'file',
			new File(
				[
					'code,name,agency,mou\r\nSIP_NAKES,SIP tenaga kesehatan,DPMPTSP,tidak\r\nUJI_BARU,Uji,Kemenkes,ya\r\n'
				],
				'k.csv'
			)
		);
		file.set('mode', 'apply');
		await post('/ministry/catalogue?/import', file);
		const audit = await db.sql<{ entity_id: string; user_id: string; changes: Record<string, unknown> }[]>`
			SELECT entity_id, user_id, changes FROM national_audit WHERE entity = 'standard_service' ORDER BY at, id`;
		// the import's lines share one transaction (and its time), so their order among themselves is open
		expect(audit.map((a) => a.entity_id).slice(0, 3)).toEqual(['STR_NAKES', 'STR_NAKES', 'STR_NAKES']);
		expect(
			audit
				.map((a) => a.entity_id)
				.slice(3)
				.sort()
		).toEqual(['SIP_NAKES', 'UJI_BARU']);
		expect(audit[0].user_id).toBe(world.superadmin.id);
		expect(audit[0].changes).toMatchObject({ name: [null, 'STR tenaga kesehatan'], mou: [null, true] });
		expect(audit[1].changes).toEqual({ name: ['STR tenaga kesehatan', 'STR nakes'] });
		expect(audit[2].changes).toEqual({ active: [true, false] });
		expect(audit.find((a) => a.entity_id === 'SIP_NAKES')!.changes).toEqual({
			name: ['Surat izin praktik tenaga kesehatan', 'SIP tenaga kesehatan']
		});
	});
});
