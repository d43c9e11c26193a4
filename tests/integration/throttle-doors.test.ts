// Anonymous doors that cost CPU or rows, through the production server (issue 10 item 7): the
// invitation page refuses an unknown link before any password work, the pairing page caps open codes,
// track-code lookups refuse a guessing client. Each client is its own forwarded address here
// (ADDRESS_HEADER=x-forwarded-for), as behind the TLS proxy of a real deployment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	OPEN_PAIRINGS_PER_CLIENT,
	OPEN_PAIRINGS_PER_MPP,
	requestPairing
} from '../../src/lib/server/admin/devices';
import { acceptLink, ClosedLink } from '../../src/lib/server/admin/password-links';
import { invitePerson } from '../../src/lib/server/admin/people';
import { issueTicket } from '../../src/lib/server/queue';
import { UNKNOWN_CODE_LIMIT } from '../../src/lib/server/throttle/guesses';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, mppAdminActor, type MppFixture, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
let jkt: MppFixture;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	jkt = world.mpps[0];
	app = await startAppServer(db.url, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

const admin = () => mppAdminActor(jkt);

async function invite(email: string, name = 'Wulan Sari'): Promise<string> {
	const { value } = await invitePerson(db.sql, admin(), jkt.id, { name, email, role: 'supervisor' });
	return value.link.token;
}

const get = (path: string, client: string, headers: Record<string, string> = {}) =>
	fetch(`${app.url}${path}`, { redirect: 'manual', headers: { 'x-forwarded-for': client, ...headers } });

/** A plain HTML form post (no JavaScript), in Indonesian. */
const submit = (path: string, client: string, fields: Record<string, string>) =>
	fetch(`${app.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: app.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie: 'lang=id',
			'x-forwarded-for': client
		},
		body: new URLSearchParams(fields)
	});

describe('POST /invite/<token>', () => {
	it('refuses an unknown or expired link before it reads the password, however big', async () => {
		const huge = 'x'.repeat(100_000);
		const unknown = await submit('/invite/tidak-ada-sama-sekali', '198.51.100.1', {
			password: huge,
			confirm: huge
		});
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('Tautan ini tidak dikenal');

		const token = await invite('kedaluwarsa@uji.test');
		await db.sql`UPDATE password_links SET expires_at = now() - interval '1 minute'`;
		const expired = await submit(`/invite/${token}`, '198.51.100.1', { password: huge, confirm: huge });
		expect(expired.status).toBe(409);
		expect(await expired.text()).toContain('Tautan ini sudah kedaluwarsa');
	});

	it('does no password work for a closed link: the link is looked up first', async () => {
		const done: string[] = [];
		const work = {
			refuseGuessable: async () => void done.push('score'),
			hash: async () => {
				done.push('hash');
				return 'not-a-hash';
			}
		};
		const input = { password: 'kalimat-sandi-saya', confirm: 'kalimat-sandi-saya' };
		const refused = await acceptLink(db.sql, 'tidak-ada-sama-sekali', input, work).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(ClosedLink);
		expect((refused as ClosedLink).state).toBe('unknown');
		expect(done).toEqual([]);
		// an open link is scored, then hashed
		const token = await invite('urutan@uji.test');
		await acceptLink(db.sql, token, input, work).catch(() => undefined);
		expect(done).toEqual(['score', 'hash']);
	});

	it('refuses an easily guessed password with a clear message, in Indonesian and English', async () => {
		const token = await invite('budi.santoso@uji.test', 'Budi Santoso');
		for (const guessable of ['password12345', 'indonesia1945', 'budisantoso1']) {
			const response = await submit(`/invite/${token}`, '198.51.100.2', {
				password: guessable,
				confirm: guessable
			});
			expect(response.status, guessable).toBe(422);
			expect(await response.text(), guessable).toContain('Kata sandi ini terlalu mudah ditebak');
		}
		const english = await fetch(`${app.url}/invite/${token}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: app.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				cookie: 'lang=en',
				'x-forwarded-for': '198.51.100.2'
			},
			body: new URLSearchParams({ password: 'jakarta12345', confirm: 'jakarta12345' })
		});
		expect(english.status).toBe(422);
		expect(await english.text()).toContain('This password is too easy to guess');
		// a sentence of its own passes
		const accepted = await submit(`/invite/${token}`, '198.51.100.2', {
			password: 'kopi tubruk di teras',
			confirm: 'kopi tubruk di teras'
		});
		expect(accepted.status).toBe(303);
	});
});

describe('the pairing page', () => {
	it(`gives one client at most ${OPEN_PAIRINGS_PER_CLIENT} open codes, then says why not`, async () => {
		const client = '198.51.100.3';
		const codes = new Set<string>();
		for (let i = 0; i < OPEN_PAIRINGS_PER_CLIENT; i++) {
			const response = await get(`/pair/display/${jkt.slug}`, client);
			expect(response.status, `code ${i + 1}`).toBe(200);
			codes.add(/data-testid="pairing-code"[^>]*aria-label="([^"]+)"/.exec(await response.text())![1]);
		}
		expect(codes.size).toBe(OPEN_PAIRINGS_PER_CLIENT);
		const refused = await get(`/pair/kiosk/${jkt.slug}`, client);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await refused.text()).toContain('Terlalu banyak kode pemasangan yang masih terbuka');
		const [row] = await db.sql`SELECT count(*)::int AS n FROM device_pairings`;
		expect(row.n).toBe(OPEN_PAIRINGS_PER_CLIENT);
		// another client (another MPP's lobby) still gets its code
		expect((await get(`/pair/display/${jkt.slug}`, '198.51.100.4')).status).toBe(200);
	});

	it('lets a device ask for a new code again and again: its old code is given up', async () => {
		const client = '198.51.100.5';
		let cookie = '';
		for (let i = 0; i < OPEN_PAIRINGS_PER_CLIENT + 5; i++) {
			const response = await get(`/pair/display/${jkt.slug}?new`, client, cookie ? { cookie } : {});
			expect(response.status, `new code ${i + 1}`).toBe(303);
			cookie = response.headers.getSetCookie()[0].split(';')[0];
		}
		const [row] = await db.sql`
			SELECT count(*)::int AS n FROM device_pairings WHERE device_id IS NULL AND client_key IS NOT NULL`;
		// the first test's codes, its other client's one, and this device's one
		expect(row.n).toBe(OPEN_PAIRINGS_PER_CLIENT + 2);
	});

	it(`keeps at most ${OPEN_PAIRINGS_PER_MPP} open codes per MPP, from however many clients`, async () => {
		const mpp = world.mpps[1];
		let refused: unknown;
		let made = 0;
		for (let i = 0; i < OPEN_PAIRINGS_PER_MPP + 1 && !refused; i++) {
			await requestPairing(db.sql, mpp.id, 'kiosk', { address: `2001:db8:${i.toString(16)}::1` }).then(
				() => made++,
				(e: unknown) => (refused = e)
			);
		}
		expect(made).toBe(OPEN_PAIRINGS_PER_MPP);
		expect(refused).toMatchObject({ status: 429, code: 'too_many_pairings' });
	});
});

describe('track-code lookups', () => {
	let trackCode: string;
	beforeAll(async () => {
		const issued = await issueTicket(db.sql, {
			mppId: jkt.id,
			serviceId: jkt.services.c,
			actor: { userId: jkt.users.operator.id }
		});
		trackCode = issued.ticket.trackCode;
	});

	it('refuse a client that keeps guessing with 429 and Retry-After, and never its own ticket', async () => {
		const client = '198.51.100.6';
		for (let i = 0; i < UNKNOWN_CODE_LIMIT; i++) {
			const own = await get(`/api/v1/tickets/${trackCode}`, client);
			expect(own.status).toBe(200);
			expect((await get(`/api/v1/tickets/tebakan${i}abc`, client)).status).toBe(404);
		}
		const refused = await get('/api/v1/tickets/tebakanlagi', client);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await refused.json()).error).toMatchObject({
			code: 'too_many_unknown_codes',
			message: expect.stringContaining('coba lagi')
		});
		// the same client following its own ticket is still answered, on the page too
		expect((await get(`/api/v1/tickets/${trackCode}`, client)).status).toBe(200);
		expect((await get(`/t/${trackCode}`, client)).status).toBe(200);
		// its guesses on the tracking page and the survey API are refused the same way
		const page = await get('/t/tebakanhalaman', client, { cookie: 'lang=id' });
		expect(page.status).toBe(429);
		expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await page.text()).toContain('Terlalu banyak nomor antrean tidak dikenal');
		const survey = await fetch(`${app.url}/api/v1/tickets/tebakansurvei/survey`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
			body: JSON.stringify({
				answers: {
					persyaratan: 3,
					prosedur: 3,
					waktu: 2,
					biaya: 4,
					produk: 3,
					kompetensi: 4,
					perilaku: 4,
					pengaduan: 3,
					sarana: 3
				}
			})
		});
		expect(survey.status).toBe(429);
		expect(survey.headers.get('retry-after')).not.toBeNull();
		// another client's mistyped code is still a plain 404
		expect((await get('/api/v1/tickets/tebakanlagi', '198.51.100.7')).status).toBe(404);
	});

	it('opens a client again once its window is over', async () => {
		await db.sql`UPDATE throttle_counters SET window_start = window_start - interval '16 minutes'`;
		expect((await get('/api/v1/tickets/tebakanlagi', '198.51.100.6')).status).toBe(404);
	});
});
