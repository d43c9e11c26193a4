// The satisfaction survey over HTTP against the production build (DOMAIN §1): a served citizen answers
// once; unknown codes, unfinished tickets and bad answers get a clear 4xx; a feedback tablet answers
// for the ticket just finished beside it, and only in its own MPP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken, hashToken } from '../../src/lib/server/auth/tokens';
import { insertDevice } from '../../src/lib/server/db/devices';
import { callNext, cancel, finish, issueTicket } from '../../src/lib/server/queue';
import { addDays, zonedInstant } from '../../src/lib/domain/zoned-time';
import { localDate } from '../../src/lib/domain/local-day';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { withinOneLocalDay } from '../helpers/local-day';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let app: AppServer;
let world: World;
/** a paired feedback tablet per MPP (plain tokens) */
const tablets: string[] = [];

const answers = {
	persyaratan: 3,
	prosedur: 3,
	waktu: 2,
	biaya: 4,
	produk: 3,
	kompetensi: 4,
	perilaku: 4,
	pengaduan: 3,
	sarana: 3
};

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	for (const mpp of world.mpps) {
		const token = generateToken();
		await insertDevice(db.sql, {
			mppId: mpp.id,
			kind: 'feedback',
			name: `Tablet survei ${mpp.slug}`,
			tokenHash: hashToken(token)
		});
		tablets.push(token);
	}
	app = await startAppServer(db.url);
});

afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

// Counter one (services a, b) serves tickets to completion, so nothing is left waiting there;
// unfinished tickets use service c at counter three, which is never asked to call again.
async function servedTicket(mpp: 0 | 1 = 0, finishedNear = new Date()) {
	const fixture = world.mpps[mpp];
	// its six minutes on one local day, whatever the hour
	const finishedAt = withinOneLocalDay(finishedNear, fixture.timezone, 6);
	const actor = { userId: fixture.users.operator.id };
	const calledAt = new Date(finishedAt.getTime() - 5 * 60_000);
	const issued = await issueTicket(db.sql, {
		mppId: fixture.id,
		serviceId: fixture.services.a,
		actor,
		now: new Date(calledAt.getTime() - 60_000)
	});
	const called = await callNext(db.sql, { counterId: fixture.counters.one, actor, now: calledAt });
	expect(called.ticket?.id).toBe(issued.ticket.id);
	const done = await finish(db.sql, { ticketId: issued.ticket.id, actor, now: finishedAt });
	// the citizen's code comes from the issue (the kiosk's slip): staff answers never carry it
	return { ...done.ticket, trackCode: issued.ticket.trackCode };
}

function post(trackCode: string, body: unknown, headers: Record<string, string> = {}) {
	return fetch(`${app.url}/api/v1/tickets/${trackCode}/survey`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

const asTablet = (token: string) => ({ cookie: `antrean_device=${token}` });

async function storedSurveys(ticketId: string) {
	return db.sql`SELECT channel, device_id, local_date::text AS local_date, service_id, counter_id,
		waktu, sarana, age_group, comment FROM surveys WHERE ticket_id = ${ticketId}`;
}

describe('a citizen answers the survey of their ticket', () => {
	it('answers once (201), and a second answer is refused with 409', async () => {
		const ticket = await servedTicket();
		const before = await fetch(`${app.url}/api/v1/tickets/${ticket.trackCode}/survey`);
		expect(await before.json()).toMatchObject({ answered: false, closed: false });

		const first = await post(ticket.trackCode, {
			answers,
			profile: { ageGroup: 'ge60', sex: 'female' },
			comment: '  Petugas ramah sekali.  '
		});
		expect(first.status).toBe(201);
		const { survey } = await first.json();
		expect(survey).toMatchObject({ ticketNumber: ticket.number, channel: 'phone', answers });

		const rows = await storedSurveys(ticket.id);
		expect(rows).toEqual([
			{
				channel: 'phone',
				device_id: null,
				local_date: ticket.localDate,
				service_id: ticket.serviceId,
				counter_id: world.mpps[0].counters.one,
				waktu: 2,
				sarana: 3,
				age_group: 'ge60',
				comment: 'Petugas ramah sekali.'
			}
		]);

		const again = await post(ticket.trackCode, { answers: { ...answers, waktu: 4 } });
		expect(again.status).toBe(409);
		expect((await again.json()).error.code).toBe('survey_answered');
		expect((await storedSurveys(ticket.id))[0].waktu).toBe(2);

		const after = await fetch(`${app.url}/api/v1/tickets/${ticket.trackCode}/survey`);
		expect(await after.json()).toMatchObject({ answered: true });
	});

	it('the same ticket answered at once from two places is stored once', async () => {
		const ticket = await servedTicket();
		const statuses = await Promise.all([
			post(ticket.trackCode, { answers }),
			post(ticket.trackCode, { answers })
		]);
		expect(statuses.map((r) => r.status).sort()).toEqual([201, 409]);
		expect(await storedSurveys(ticket.id)).toHaveLength(1);
	});

	it.each(['zzzzzzzzzz', 'x!', 'a'.repeat(40)])('an unknown or malformed code %s is 404', async (code) => {
		const response = await post(code, { answers });
		expect(response.status).toBe(404);
		expect((await response.json()).error.code).toBe('ticket_not_found');
		expect((await fetch(`${app.url}/api/v1/tickets/${encodeURIComponent(code)}/survey`)).status).toBe(404);
	});

	it('a ticket still waiting or at the counter is 409 with a clear message; a cancelled one too', async () => {
		const fixture = world.mpps[0];
		const actor = { userId: fixture.users.operator.id };
		const waiting = await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services.c, actor });
		const response = await post(waiting.ticket.trackCode, { answers });
		expect(response.status).toBe(409);
		const { error } = await response.json();
		expect(error.code).toBe('ticket_not_finished');
		expect(error.message).toContain('setelah pelayanan selesai');

		await callNext(db.sql, { counterId: fixture.counters.three, actor });
		expect((await post(waiting.ticket.trackCode, { answers })).status).toBe(409);

		const other = await issueTicket(db.sql, { mppId: fixture.id, serviceId: fixture.services.c, actor });
		await cancel(db.sql, { ticketId: other.ticket.id, actor });
		const cancelled = await post(other.ticket.trackCode, { answers });
		expect(cancelled.status).toBe(409);
		expect((await cancelled.json()).error.code).toBe('ticket_not_served');
		expect(await storedSurveys(waiting.ticket.id)).toHaveLength(0);
	});
});

describe('bad answers are refused with 400 naming the field, and nothing is stored', () => {
	const { sarana: _, ...eight } = answers;
	it.each([
		['an answer above 4', { answers: { ...answers, waktu: 5 } }, 'answers.waktu'],
		['an answer of 0', { answers: { ...answers, biaya: 0 } }, 'answers.biaya'],
		['a fraction', { answers: { ...answers, perilaku: 3.5 } }, 'answers.perilaku'],
		['a string', { answers: { ...answers, produk: '3' } }, 'answers.produk'],
		['a missing element', { answers: eight }, 'answers.sarana'],
		['an element not in the questionnaire', { answers: { ...answers, kecepatan: 4 } }, 'kecepatan'],
		['no answers at all', {}, 'answers'],
		['a profile code not on the form', { answers, profile: { education: 's9' } }, 'profile.education'],
		['a comment over 1,000 characters', { answers, comment: 'x'.repeat(1001) }, 'comment'],
		['malformed JSON', '{"answers":', 'JSON']
	])('%s', async (_name, body, field) => {
		const ticket = await servedTicket();
		const response = await post(ticket.trackCode, body);
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error.message).toContain(field);
		expect(await storedSurveys(ticket.id)).toHaveLength(0);
	});

	it('a body that is not JSON is 415', async () => {
		const ticket = await servedTicket();
		// same-origin, as the tracking page would send it (SvelteKit refuses cross-site text/plain posts first)
		const response = await post(ticket.trackCode, 'waktu=4', {
			'content-type': 'text/plain',
			origin: app.url
		});
		expect(response.status).toBe(415);
	});
});

describe('the feedback tablet beside the counter', () => {
	it('answers for the ticket just finished at its counter, recorded as the tablet', async () => {
		const ticket = await servedTicket(0);
		const unplaced = await post(ticket.trackCode, { answers }, asTablet(tablets[0]));
		expect(unplaced.status).toBe(403);
		const counterId = world.mpps[0].counters.one;
		const response = await post(ticket.trackCode, { answers, counterId }, asTablet(tablets[0]));
		expect(response.status).toBe(201);
		expect((await response.json()).survey.channel).toBe('tablet');
		const [row] = await storedSurveys(ticket.id);
		expect(row.channel).toBe('tablet');
		expect(row.device_id).not.toBeNull();
	});

	it('another MPP’s tablet is refused (403) and the citizen can still answer by phone', async () => {
		const ticket = await servedTicket(0);
		const refused = await post(ticket.trackCode, { answers }, asTablet(tablets[1]));
		expect(refused.status).toBe(403);
		expect(await storedSurveys(ticket.id)).toHaveLength(0);
		expect((await post(ticket.trackCode, { answers })).status).toBe(201);
	});

	it('a TV display or a kiosk cannot answer for anyone', async () => {
		const ticket = await servedTicket(0);
		for (const kind of ['display', 'kiosk'] as const) {
			const response = await post(ticket.trackCode, { answers }, asTablet(world.mpps[0].devices[kind].token));
			expect(response.status).toBe(403);
		}
		expect(await storedSurveys(ticket.id)).toHaveLength(0);
	});

	it('is refused for a ticket finished long ago: that citizen has left the counter', async () => {
		const ticket = await servedTicket(0, new Date(Date.now() - 60 * 60_000));
		const response = await post(ticket.trackCode, { answers }, asTablet(tablets[0]));
		expect(response.status).toBe(403);
		expect((await response.json()).error.code).toBe('not_this_tablet');
	});

	it('pinned to a counter in its settings, it answers only for that counter', async () => {
		const token = generateToken();
		const device = await insertDevice(db.sql, {
			mppId: world.mpps[0].id,
			kind: 'feedback',
			name: 'Tablet Loket 2',
			tokenHash: hashToken(token)
		});
		await db.sql`UPDATE devices SET settings = ${db.sql.json({ counterId: world.mpps[0].counters.two })}
			WHERE id = ${device.id}`;
		const atCounterOne = await servedTicket(0);
		// the pinned counter wins over what the page says
		const counterId = world.mpps[0].counters.one;
		expect((await post(atCounterOne.trackCode, { answers, counterId }, asTablet(token))).status).toBe(403);
		expect((await post(atCounterOne.trackCode, { answers, counterId }, asTablet(tablets[0]))).status).toBe(
			201
		);
	});
});

describe('the feedback tablet page', () => {
	it('pairs by link: the token goes into the device cookie and out of the address bar', async () => {
		const slug = world.mpps[0].slug;
		const response = await fetch(`${app.url}/feedback/${slug}?device=${tablets[0]}&counter=x`, {
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/feedback/${slug}?counter=x`);
		expect(response.headers.get('set-cookie')).toMatch(/antrean_device=.*HttpOnly/i);
	});

	it('refuses another MPP’s tablet link and an unpaired visitor with a translated page', async () => {
		const wrongLink = await fetch(`${app.url}/feedback/${world.mpps[0].slug}?device=${tablets[1]}`, {
			redirect: 'manual'
		});
		expect(wrongLink.status).toBe(403);
		expect(await wrongLink.text()).toContain('Tautan pemasangan tidak berlaku');

		const visitor = await fetch(`${app.url}/feedback/${world.mpps[0].slug}`);
		expect(visitor.status).toBe(403);
		expect(await visitor.text()).toContain('Tablet survei belum dipasangkan');

		const english = await fetch(`${app.url}/feedback/${world.mpps[0].slug}`, {
			headers: { cookie: 'lang=en' }
		});
		expect(await english.text()).toContain('This survey tablet is not paired');
	});

	it('offers the survey of the ticket just finished at its counter on load', async () => {
		const ticket = await servedTicket(0);
		const page = await fetch(
			`${app.url}/feedback/${world.mpps[0].slug}?counter=${world.mpps[0].counters.one}`,
			{
				headers: asTablet(tablets[0])
			}
		);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`Tiket ${ticket.number}`);
		expect(html).toContain('Persyaratan');
	});
});

describe('signed-in staff cannot answer a citizen’s survey (issue 10 item 4)', () => {
	const people = () => {
		const [a] = world.mpps;
		return [
			['operator', a.users.operator.email],
			['supervisor', a.users.supervisor.email],
			['mpp_admin', a.users.mpp_admin.email],
			['ministry', world.ministry.email],
			['superadmin', world.superadmin.email]
		] as const;
	};

	it('refuses every staff role by bearer token and by session cookie (403); the citizen answers after', async () => {
		for (const [role, email] of people()) {
			const token = await signIn(app.url, email, PASSWORD);
			const doors: Record<string, string>[] = [
				{ authorization: `Bearer ${token}` },
				{ cookie: `antrean_session=${token}` }
			];
			for (const headers of doors) {
				const ticket = await servedTicket(0);
				const refused = await post(ticket.trackCode, { answers }, headers);
				expect(refused.status, `${role} ${Object.keys(headers)[0]}`).toBe(403);
				const { error } = await refused.json();
				expect(error.code).toBe('staff_cannot_answer');
				expect(error.message).toContain('warga');
				expect(await storedSurveys(ticket.id)).toHaveLength(0);
				expect((await post(ticket.trackCode, { answers })).status).toBe(201);
			}
		}
	});

	it('a signed-in person cannot slip in as a tablet by carrying its cookie too', async () => {
		const token = await signIn(app.url, world.mpps[0].users.operator.email, PASSWORD);
		const ticket = await servedTicket(0);
		const refused = await post(
			ticket.trackCode,
			{ answers, counterId: world.mpps[0].counters.one },
			{ authorization: `Bearer ${token}`, cookie: `antrean_device=${tablets[0]}` }
		);
		expect(refused.status).toBe(403);
		expect(await storedSurveys(ticket.id)).toHaveLength(0);
	});
});

describe('the tablet of the counter that served the ticket, and only that one', () => {
	it('answers by ticket id for its own counter (201), never for another counter (403)', async () => {
		const ticket = await servedTicket(0);
		const other = await post(
			ticket.id,
			{ answers, counterId: world.mpps[0].counters.two },
			asTablet(tablets[0])
		);
		expect(other.status).toBe(403);
		expect((await other.json()).error.code).toBe('not_this_tablet');
		const own = await post(
			ticket.id,
			{ answers, counterId: world.mpps[0].counters.one },
			asTablet(tablets[0])
		);
		expect(own.status).toBe(201);
		expect((await own.json()).survey.channel).toBe('tablet');
	});

	it('a ticket id is no key for anyone but a tablet', async () => {
		const ticket = await servedTicket(0);
		expect((await post(ticket.id, { answers })).status).toBe(404);
		expect(await storedSurveys(ticket.id)).toHaveLength(0);
	});
});

describe('the survey closes at the end of the next MPP-local day', () => {
	async function finishedAt(ticketId: string, at: number) {
		await db.sql`UPDATE tickets SET finished_at = ${new Date(at)} WHERE id = ${ticketId}`;
	}

	it.each([
		['WIB', 0, 'Asia/Jakarta'],
		['WITA', 1, 'Asia/Makassar'],
		['WIT', 1, 'Asia/Jayapura']
	] as const)('in %s', async (_label, mpp, zone) => {
		const fixture = world.mpps[mpp];
		await db.sql`UPDATE mpps SET timezone = ${zone} WHERE id = ${fixture.id}`;
		try {
			const today = localDate(new Date(), zone);
			// finished one minute after yesterday's local midnight: open until tonight's local midnight
			const open = await servedTicket(mpp);
			await finishedAt(open.id, zonedInstant(addDays(today, -1), 60, zone));
			const status = await fetch(`${app.url}/api/v1/tickets/${open.trackCode}/survey`);
			expect(await status.json()).toMatchObject({ answered: false, closed: false });
			expect((await post(open.trackCode, { answers })).status).toBe(201);

			// finished one minute before the local midnight that began yesterday: closed since today began
			const late = await servedTicket(mpp);
			await finishedAt(late.id, zonedInstant(addDays(today, -2), 24 * 3600 - 60, zone));
			const closed = await post(late.trackCode, { answers });
			expect(closed.status).toBe(410);
			const { error } = await closed.json();
			expect(error.code).toBe('survey_closed');
			expect(error.message).toContain('ditutup');
			const lateStatus = await fetch(`${app.url}/api/v1/tickets/${late.trackCode}/survey`);
			expect(await lateStatus.json()).toMatchObject({ answered: false, closed: true });
			expect(await storedSurveys(late.id)).toHaveLength(0);

			// the tracking page shows that the survey has closed instead of the invitation
			const page = await (await fetch(`${app.url}/t/${late.trackCode}`)).text();
			expect(page).toContain('Survei untuk tiket ini sudah ditutup');
			expect(page).not.toContain('id="survey-invite-title"');
		} finally {
			await db.sql`UPDATE mpps SET timezone = ${fixture.timezone} WHERE id = ${fixture.id}`;
		}
	});
});
