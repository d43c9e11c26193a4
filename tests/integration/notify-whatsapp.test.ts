// WhatsApp, citizen first (issue 12), on two real nodes sharing one database and a local stand-in for
// Meta's Graph API: an admin sets the MPP's number and Cloud API credentials (never shown back), the
// webhook refuses unsigned and malformed deliveries, a citizen who writes their track code is told
// "3 people ahead" and "called" once, only inside the 24-hour window, and phone numbers are deleted
// after the MPP's retention period.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatClock, localTime } from '../../src/lib/domain/local-day';
import { book } from '../../src/lib/server/booking/book';
import { checkIn } from '../../src/lib/server/booking/check-in';
import { findMppById } from '../../src/lib/server/db/mpps';
import { deleteExpiredContacts } from '../../src/lib/server/db/whatsapp';
import { whatsAppNotifier } from '../../src/lib/server/notify/whatsapp-sender';
import { issueTicket } from '../../src/lib/server/queue';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { startGraphApi, type GraphApi } from '../helpers/graph-api';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const APP_SECRET = 'rahasia-aplikasi-meta-uji-0123';
const VERIFY_TOKEN = 'token-verifikasi-uji-0123';
const PHONE_NUMBER_ID = '109876543210';
const ACCESS_TOKEN = 'EAAGuji-access-token-0123456789';

let db: TestDatabase;
let world: World;
let graph: GraphApi;
let nodeA: AppServer;
let nodeB: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	graph = await startGraphApi();
	const env = {
		ANTREAN_WHATSAPP_GRAPH_URL: graph.url,
		ANTREAN_NOTIFY_SWEEP_MS: '200',
		ANTREAN_PHONE_RETENTION_MS: '300'
	};
	[nodeA, nodeB] = await Promise.all([startAppServer(db.url, env), startAppServer(db.url, env)]);
	await waitForListeners(db.sql, 2);
}, 120_000);

afterAll(async () => {
	await Promise.all([nodeA?.stop(), nodeB?.stop()]);
	await graph?.close();
	await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
		await sleep(100);
	}
}

const sign = (body: string, secret = APP_SECRET) =>
	`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function inbound(from: string, text: string, at = new Date()): string {
	return JSON.stringify({
		object: 'whatsapp_business_account',
		entry: [
			{
				id: '0',
				changes: [
					{
						field: 'messages',
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: '6281234567890', phone_number_id: PHONE_NUMBER_ID },
							contacts: [{ profile: { name: 'Warga' }, wa_id: from }],
							messages: [
								{
									from,
									id: `wamid.in.${from}`,
									timestamp: String(Math.floor(at.getTime() / 1000)),
									type: 'text',
									text: { body: text }
								}
							]
						}
					}
				]
			}
		]
	});
}

function webhook(node: AppServer, body: string, signature: string | null, slug = world.mpps[0].slug) {
	return fetch(`${node.url}/api/v1/whatsapp/${slug}/webhook`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...(signature ? { 'x-hub-signature-256': signature } : {})
		},
		body
	});
}

async function admin(node: AppServer, mpp = world.mpps[0]) {
	return { authorization: `Bearer ${await signIn(node.url, mpp.users.mpp_admin.email, PASSWORD)}` };
}

const configuration = {
	nearAhead: 3,
	phoneRetentionDays: 30,
	whatsapp: {
		businessNumber: '0812 3456 7890',
		cloudApi: {
			phoneNumberId: PHONE_NUMBER_ID,
			accessToken: ACCESS_TOKEN,
			appSecret: APP_SECRET,
			webhookVerifyToken: VERIFY_TOKEN
		}
	}
};

describe('the Cloud API sender', () => {
	it('posts a text message of the shape the Cloud API expects, with the bearer token', async () => {
		const notifier = whatsAppNotifier(
			{ phoneNumberId: '5550001', accessToken: 'token-of-the-test-0001', appSecret: APP_SECRET },
			{ graphUrl: graph.url, origin: 'https://antrean.test' }
		);
		const before = graph.requests.length;
		const sent = await notifier.send(
			{ phone: '+628111000111' },
			{
				title: 'Nomor D004 dipanggil',
				body: 'Dipanggil: silakan ke Loket 3.',
				url: '/t/abcdefghjk',
				tag: 'x',
				ttlSeconds: 120,
				urgency: 'high'
			}
		);
		expect(sent).toEqual({ ok: true });
		const request = graph.requests[before];
		expect(request.method).toBe('POST');
		expect(request.path).toMatch(/^\/v\d+\.\d+\/5550001\/messages$/);
		expect(request.authorization).toBe('Bearer token-of-the-test-0001');
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.body).toMatchObject({
			messaging_product: 'whatsapp',
			to: '628111000111',
			type: 'text',
			text: {
				body: '*Nomor D004 dipanggil*\nDipanggil: silakan ke Loket 3.\nhttps://antrean.test/t/abcdefghjk'
			}
		});
	});

	it('reports a closed service window as an address that will not work', async () => {
		graph.fail('628111000222', 131047);
		const notifier = whatsAppNotifier(
			{ phoneNumberId: '5550001', accessToken: 'token-of-the-test-0001', appSecret: APP_SECRET },
			{ graphUrl: graph.url }
		);
		const sent = await notifier.send(
			{ phone: '+628111000222' },
			{ title: 't', body: 'b', url: '/t/x', tag: 'x', ttlSeconds: 120, urgency: 'high' }
		);
		expect(sent).toMatchObject({ ok: false, gone: true, status: 131047 });
	});
});

describe('the MPP admin sets WhatsApp up', () => {
	it('refuses a number that is not Indonesian and keeps the credentials to the server', async () => {
		const headers = { ...(await admin(nodeA)), 'content-type': 'application/json' };
		const url = `${nodeA.url}/api/v1/mpps/${world.mpps[0].slug}/notifications`;
		const bad = await fetch(url, {
			method: 'PUT',
			headers,
			body: JSON.stringify({
				...configuration,
				whatsapp: { ...configuration.whatsapp, businessNumber: '+65 9123 4567' }
			})
		});
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/businessNumber/);

		const saved = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(configuration) });
		expect(saved.status).toBe(200);
		const text = await saved.text();
		expect(JSON.parse(text)).toEqual({
			nearAhead: 3,
			phoneRetentionDays: 30,
			whatsapp: {
				businessNumber: '+6281234567890',
				cloudApi: { phoneNumberId: PHONE_NUMBER_ID, reminderTemplate: null }
			}
		});
		expect(text).not.toContain(ACCESS_TOKEN);
		expect(text).not.toContain(APP_SECRET);

		const operator = {
			authorization: `Bearer ${await signIn(nodeA.url, world.mpps[0].users.operator.email, PASSWORD)}`
		};
		expect((await fetch(url, { headers: operator })).status).toBe(403);
		const other = await admin(nodeA, world.mpps[1]);
		expect((await fetch(url, { headers: other })).status).toBe(403);
	});
});

describe('the wa.me link, citizen first', () => {
	it('is on the kiosk slip and the tracking page of an MPP with a number, and nowhere else', async () => {
		const [withNumber, without] = world.mpps;
		const mine = (
			await issueTicket(db.sql, { mppId: withNumber.id, serviceId: withNumber.services.b, actor: {} })
		).ticket;
		const link = `https://wa.me/6281234567890?text=Kabari%20saya%3A%20${mine.trackCode}`;
		const tracking = await (await fetch(`${nodeB.url}/t/${mine.trackCode}`)).text();
		expect(tracking).toContain(`href="${link}"`);
		expect(tracking).toContain('dihapus 30 hari setelah kunjungan');
		const slip = await fetch(`${nodeA.url}/kiosk/${withNumber.slug}/ticket/${mine.trackCode}`, {
			headers: { cookie: `antrean_device=${withNumber.devices.kiosk.token}` }
		});
		expect(slip.status).toBe(200);
		const slipHtml = await slip.text();
		expect(slipHtml).toContain('Kode QR untuk mengirim kode tiket ke WhatsApp MPP');
		expect(slipHtml.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);

		const other = (await issueTicket(db.sql, { mppId: without.id, serviceId: without.services.b, actor: {} }))
			.ticket;
		expect(await (await fetch(`${nodeB.url}/t/${other.trackCode}`)).text()).not.toContain('wa.me');
	});
});

describe('the webhook', () => {
	it('answers Meta set-up handshake only with the MPP verify token', async () => {
		const base = `${nodeB.url}/api/v1/whatsapp/${world.mpps[0].slug}/webhook?hub.mode=subscribe&hub.challenge=1158201444`;
		const ok = await fetch(`${base}&hub.verify_token=${VERIFY_TOKEN}`);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toBe('1158201444');
		expect((await fetch(`${base}&hub.verify_token=wrong-token-000000`)).status).toBe(403);
	});

	it('refuses unsigned and wrongly signed deliveries (401) and crafted payloads (400)', async () => {
		const body = inbound('628111333444', 'halo');
		expect((await webhook(nodeA, body, null)).status).toBe(401);
		expect((await webhook(nodeA, body, sign(body, 'another-app-secret-000'))).status).toBe(401);
		expect((await webhook(nodeA, body, 'sha256=zz')).status).toBe(401);
		expect((await webhook(nodeA, body + ' ', sign(body))).status).toBe(401);
		const crafted = [
			'{"object":"whatsapp_business_account","entry":"x"}',
			body.replace('"from":"628111333444"', '"from":"+62 abc"'),
			body.replace('"object":"whatsapp_business_account"', '"object":"page"'),
			'{"object":"whatsapp_business_account","entry":[],"__proto__":{"polluted":1}}',
			'not json'
		];
		for (const payload of crafted) {
			const response = await webhook(nodeA, payload, sign(payload));
			expect(response.status, payload).toBe(400);
			expect(
				((await response.json()) as { error: { message: string } }).error.message.length
			).toBeGreaterThan(5);
		}
		expect((await webhook(nodeA, body, sign(body), 'tidak-ada')).status).toBe(404);
		const [{ count }] = await db.sql`SELECT count(*)::int AS count FROM whatsapp_contacts`;
		expect(count).toBe(0);
	});
});

describe('a citizen who wrote first', () => {
	it('is answered "noted", then told "3 people ahead" and "called" once each (two nodes sweeping), and staff never see the number', async () => {
		const mpp = world.mpps[0];
		const tickets = [];
		for (let i = 0; i < 5; i++) {
			tickets.push(
				(await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor: {} })).ticket
			);
		}
		const mine = tickets[4];
		const body = inbound('628111555666', `Halo, kode tiket saya ${mine.trackCode}`);
		const answer = await webhook(nodeB, body, sign(body));
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual({ recorded: 1 });
		// a second citizen whose window closed yesterday: never written to
		const late = inbound(
			'628111777888',
			`kode ${tickets[3].trackCode}`,
			new Date(Date.now() - 25 * 3600_000)
		);
		expect((await webhook(nodeA, late, sign(late))).status).toBe(200);

		const token = await signIn(nodeA.url, mpp.users.operator.email, PASSWORD);
		// everything staff are answered with: the citizen's number must never be in it
		const staffAnswers: string[] = [];
		const callNext = async () => {
			const response = await fetch(`${nodeA.url}/api/v1/counters/${mpp.counters.three}/call-next`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}` }
			});
			const text = await response.text();
			staffAnswers.push(text);
			return (JSON.parse(text) as { ticket: { number: string } }).ticket.number;
		};
		const to = (phone: string) =>
			graph.requests
				.filter((r) => (r.body as { to?: string } | null)?.to === phone)
				.map((r) => r.body as { text: { body: string } });
		// the answer to the citizen's message, before anything moved
		await until(
			() => to('628111555666').length,
			(n) => n >= 1,
			'the answer to the first message'
		);
		expect(to('628111555666')[0].text.body).toContain(`*Nomor ${mine.number} tercatat*`);
		await callNext();
		await until(
			() => to('628111555666').length,
			(n) => n >= 2,
			'the near message'
		);
		expect(to('628111555666')[1].text.body).toContain('3 orang lagi di depan Anda');
		for (let i = 0; i < 3; i++) await callNext();
		expect(await callNext()).toBe(mine.number);
		await until(
			() => to('628111555666').length,
			(n) => n >= 3,
			'the call message'
		);
		expect(to('628111555666')[2].text.body).toContain('Dipanggil: silakan ke Loket 3.');
		await until(
			() =>
				db.sql`SELECT count(*)::int AS n FROM whatsapp_deliveries WHERE sent_at IS NOT NULL AND ticket_id = ${mine.id}`,
			(rows) => rows[0].n === 3,
			'sent marks'
		);
		await sleep(1000);
		expect(to('628111555666')).toHaveLength(3);
		for (const path of [`/api/v1/mpps/${mpp.slug}/counters`, `/api/v1/mpps/${mpp.slug}/display`]) {
			staffAnswers.push(
				await (await fetch(`${nodeB.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text()
			);
		}
		staffAnswers.push(await (await fetch(`${nodeB.url}/api/v1/tickets/${mine.trackCode}`)).text());
		for (const answer of staffAnswers) expect(answer).not.toMatch(/8111555666/);
		expect(to('628111777888')).toHaveLength(0);
	});

	it('loses their phone number the MPP retention period after the visit', async () => {
		const mpp = world.mpps[0];
		const ticket = (await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.a, actor: {} }))
			.ticket;
		const body = inbound('628111999000', `kode ${ticket.trackCode}`);
		expect((await webhook(nodeA, body, sign(body))).status).toBe(200);
		const phones = async () =>
			(await db.sql<{ phone: string }[]>`SELECT phone FROM whatsapp_contacts ORDER BY phone`).map(
				(r) => r.phone
			);
		expect(await phones()).toContain('+628111999000');
		const day = 24 * 3600_000;
		await deleteExpiredContacts(db.sql, new Date(Date.now() + 29 * day));
		expect(await phones()).toContain('+628111999000');
		await deleteExpiredContacts(db.sql, new Date(Date.now() + 31 * day));
		expect(await phones()).toEqual([]);
	});

	it('is deleted by the cluster retention beat, per the MPP own period', async () => {
		const [jakarta, makassar] = world.mpps;
		await db.sql`UPDATE mpps SET phone_retention_days = 60 WHERE id = ${makassar.id}`;
		const contact = (mppId: string, phone: string, daysAgo: number) => db.sql`
			INSERT INTO whatsapp_contacts (id, mpp_id, phone, last_inbound_at)
			VALUES (gen_random_uuid(), ${mppId}, ${phone}, now() - make_interval(days => ${daysAgo}))`;
		await contact(jakarta.id, '+628222000031', 31);
		await contact(jakarta.id, '+628222000029', 29);
		await contact(makassar.id, '+628222000045', 45);
		const phones = async () =>
			(await db.sql<{ phone: string }[]>`SELECT phone FROM whatsapp_contacts ORDER BY phone`).map(
				(r) => r.phone
			);
		await until(phones, (list) => !list.includes('+628222000031'), 'the 31-day-old number to go');
		expect(await phones()).toEqual(['+628222000029', '+628222000045']);
	});
});

describe('booking reminders on WhatsApp', () => {
	it('sends the MPP its approved template once, to a phone given with consent, and never without', async () => {
		const headers = { ...(await admin(nodeA)), 'content-type': 'application/json' };
		const url = `${nodeA.url}/api/v1/mpps/${world.mpps[0].slug}/notifications`;
		const withTemplate = {
			...configuration,
			whatsapp: {
				...configuration.whatsapp,
				cloudApi: { ...configuration.whatsapp.cloudApi, reminderTemplate: 'pengingat_antrean' }
			}
		};
		const bad = await fetch(url, {
			method: 'PUT',
			headers,
			body: JSON.stringify({
				...withTemplate,
				whatsapp: {
					...withTemplate.whatsapp,
					cloudApi: { ...withTemplate.whatsapp.cloudApi, reminderTemplate: 'Pengingat Antrean!' }
				}
			})
		});
		expect(bad.status).toBe(400);
		const saved = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(withTemplate) });
		if (saved.status !== 200) throw new Error(await saved.text());
		expect(((await saved.json()) as { whatsapp: { cloudApi: unknown } }).whatsapp.cloudApi).toEqual({
			phoneNumberId: PHONE_NUMBER_ID,
			reminderTemplate: 'pengingat_antrean'
		});

		// one booking with a phone and consent, one without a phone, both 20 minutes ahead
		await db.sql`UPDATE services SET booking_share = 100, expected_service_minutes = 1 WHERE mpp_id = ${world.mpps[0].id}`;
		const mpp = (await findMppById(db.sql, world.mpps[0].id))!;
		const at = new Date(Math.ceil((Date.now() + 20 * 60_000) / 900_000) * 900_000);
		const local = localTime(at, mpp.timezone);
		const slot = {
			mpp,
			serviceId: world.mpps[0].services.a,
			date: local.date,
			time: formatClock(local.minutes)
		};
		const before = graph.requests.length;
		const withPhone = await book(db.sql, {
			...slot,
			name: 'Siti',
			phone: '+628123000555',
			clientKey: 'wa-1',
			byStaff: true
		});
		await book(db.sql, { ...slot, name: 'Budi', phone: null, clientKey: 'wa-2', byStaff: true });
		const templates = () =>
			graph.requests.slice(before).filter((r) => (r.body as { type?: string } | null)?.type === 'template');
		await until(templates, (list) => list.length > 0, 'the reminder template');
		await sleep(1000);
		expect(templates()).toHaveLength(1);
		const [request] = templates();
		expect(request.path).toMatch(new RegExp(`^/v\\d+\\.\\d+/${PHONE_NUMBER_ID}/messages$`));
		expect(request.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '628123000555',
			type: 'template',
			template: {
				name: 'pengingat_antrean',
				language: { code: 'id', policy: 'deterministic' },
				components: [
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: mpp.name },
							{ type: 'text', text: slot.time },
							{ type: 'text', text: 'WIB' },
							{ type: 'text', text: withPhone.booking.code }
						]
					}
				]
			}
		});
	});

	it('links a number that names the booking code, and tells it about the ticket after check-in', async () => {
		const mpp = (await findMppById(db.sql, world.mpps[0].id))!;
		const at = new Date(Math.ceil((Date.now() + 10 * 60_000) / 900_000) * 900_000);
		const local = localTime(at, mpp.timezone);
		const { booking } = await book(db.sql, {
			mpp,
			serviceId: world.mpps[0].services.a,
			date: local.date,
			time: formatClock(local.minutes),
			name: 'Ani',
			phone: null,
			clientKey: 'wa-3',
			byStaff: true
		});
		// the booking page offers the chat, the code already typed
		const shown = `${booking.code.slice(0, 4)}-${booking.code.slice(4)}`;
		const page = await (await fetch(`${nodeB.url}/book/${mpp.slug}/${booking.code}`)).text();
		expect(page).toContain(`https://wa.me/6281234567890?text=${encodeURIComponent(`Kabari saya: ${shown}`)}`);

		const body = inbound('628123000777', `Kabari saya: ${shown.toLowerCase()}`);
		expect((await webhook(nodeA, body, sign(body))).status).toBe(200);
		const [linked] = await db.sql`
			SELECT c.ticket_id, b.code FROM whatsapp_contacts c JOIN bookings b ON b.id = c.booking_id
			WHERE c.phone = '+628123000777'`;
		expect(linked).toEqual({ ticket_id: null, code: booking.code });

		const before = graph.requests.length;
		const checked = await checkIn(db.sql, { code: booking.code, actor: {} });
		const [contact] = await db.sql`SELECT ticket_id FROM whatsapp_contacts WHERE phone = '+628123000777'`;
		expect(contact.ticket_id).toBe(checked.ticket.id);
		const texts = () =>
			graph.requests
				.slice(before)
				.filter((r) => (r.body as { to?: string } | null)?.to === '628123000777')
				.map((r) => (r.body as { text: { body: string } }).text.body);
		const told = await until(texts, (list) => list.length > 0, 'a message about the ticket');
		expect(told[0]).toContain(checked.ticket.number);
	});
});
