// Issue 12 end to end: a citizen books on a phone-sized page, asks to be reminded and is (Web Push,
// through a push service on loopback), checks in at the kiosk by code, is called before a walk-in
// who came after the booked time started (Batam's failure, DOMAIN §8), and is told so on the phone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startPushService } from '../helpers/push-service';
import { DEMO_PASSWORD, deviceTokens, e2eSql, signInAt } from './demo';
import { e2ePushCertificate } from './push-certificate';

const slug = 'denpasar';
const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png` });

/** Serious or critical axe-core findings (contrast, names, labels, language), as a11y.spec.ts checks. */
async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function managerHeaders(request: APIRequestContext) {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	return { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
}

test('book on a phone, be reminded, check in at the kiosk, be called before a later walk-in and be told', async ({
	browser,
	request
}) => {
	test.slow();
	const sql = e2eSql();
	// the demo opens 08:00–16:00 WITA; the test runs at any hour, so this MPP serves around the clock
	// for its duration, and its one land-office counter can take a booking in every window
	const [mpp] = await sql<{ id: string; hours: unknown }[]>`
		SELECT id, opening_hours AS hours FROM mpps WHERE slug = ${slug}`;
	const [service] = await sql<{ id: string; share: number; minutes: number }[]>`
		SELECT id, booking_share AS share, expected_service_minutes AS minutes FROM services
		WHERE mpp_id = ${mpp.id} AND code = 'PERTANAHAN'`;
	const [counter] = await sql<{ id: string }[]>`
		SELECT counter_id AS id FROM counter_services WHERE service_id = ${service.id} LIMIT 1`;
	const closed = await sql`DELETE FROM mpp_closed_days WHERE mpp_id = ${mpp.id} RETURNING *`;
	const allDay = Object.fromEntries(
		['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '24:00']]])
	);
	await sql`UPDATE mpps SET opening_hours = ${sql.json(allDay)} WHERE id = ${mpp.id}`;
	await sql`UPDATE services SET booking_share = 100, expected_service_minutes = 5 WHERE id = ${service.id}`;
	try {
		const headers = await managerHeaders(request);
		await request.post(`/api/v1/counters/${counter.id}/status`, { headers, data: { status: 'open' } });
		for (let i = 0; i < 300; i++) {
			const response = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers });
			if (response.status() === 204) break;
		}

		// the citizen's phone, whose browser push service is a local one the test reads
		const pushService = await startPushService(e2ePushCertificate());
		const subscription = pushService.subscription('/e2e/booking-phone');
		const phoneContext = await browser.newContext({
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		await phoneContext.grantPermissions(['notifications']);
		const phone = await phoneContext.newPage();
		// PushManager.subscribe answers with that service's subscription (Chromium's own, FCM, is
		// outside this machine's reach); everything else is the browser's: permission, service worker
		await phone.addInitScript((sub) => {
			let current: PushSubscription | null = null;
			PushManager.prototype.getSubscription = async () => current;
			PushManager.prototype.subscribe = async function (options) {
				current = {
					endpoint: sub.endpoint,
					expirationTime: null,
					options: { applicationServerKey: options?.applicationServerKey, userVisibleOnly: true },
					toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
					unsubscribe: async () => true
				} as unknown as PushSubscription;
				return current;
			};
		}, subscription);
		const pushes = () =>
			pushService.received.filter((r) => r.path === '/e2e/booking-phone').map((r) => r.message!);
		await phone.goto(`/book/${slug}`);
		await expect(phone.getByRole('heading', { name: /Pesan antrean/ })).toBeVisible();
		// nothing of the header is clipped at 390 px: the language switch wraps under a long MPP name
		for (const control of await phone.locator('header form, header a, header button').all()) {
			const box = (await control.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
		}
		await phone.getByRole('link', { name: 'Kantor Pertanahan Kota Denpasar' }).click();
		await phone.getByRole('link', { name: 'Layanan Pertanahan' }).click();
		await phone.locator('.days a').first().click();
		const slot = phone.locator('.slot.open input[type=radio]').first();
		await slot.check();
		await phone.getByLabel('Nama').fill('Ni Made Sari');
		await phone.getByLabel(/Nomor HP/).fill('0812 3456 7890');
		await phone.getByLabel(/Saya setuju nomor HP saya/).check();
		await phone.screenshot(shot('booking-form-phone'));
		expect(await seriousViolations(phone)).toEqual([]);
		await phone.getByRole('button', { name: 'Pesan sekarang' }).click();
		await expect(phone.getByRole('heading', { name: 'Pemesanan Anda' })).toBeVisible();
		await expect(phone.getByText(/WITA/).first()).toBeVisible();
		await expect(phone.locator('.qr svg')).toBeVisible();
		const shown = (await phone.getByTestId('booking-code').textContent())!.trim();
		expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		const ics = await phone.request.get(`/book/${slug}/${shown.replace('-', '')}/booking.ics`);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		expect(await ics.text()).toContain('DTSTART;TZID=Asia/Makassar:');
		await phone.screenshot(shot('booking-confirmation-phone'));
		expect(await seriousViolations(phone)).toEqual([]);

		// "Ingatkan saya": the window is within the hour, so the reminder comes at once
		await phone.getByRole('button', { name: 'Ingatkan saya' }).click();
		await expect(phone.getByTestId('remind-on')).toBeVisible();
		await expect.poll(() => pushes().length, { timeout: 15_000 }).toBe(1);
		expect(pushes()[0].title).toBe('Pengingat: Mal Pelayanan Publik Kota Denpasar');
		expect(pushes()[0].body).toContain(shown.replace('-', ''));
		expect(pushes()[0].body).toContain('WITA');

		// the booked window began five minutes ago, and a walk-in arrives now, after its start
		await sql`UPDATE bookings SET slot_start = now() - interval '5 minutes' WHERE code = ${shown.replace('-', '')}`;
		const walkIn = await request.post(`/api/v1/mpps/${slug}/tickets`, {
			headers: { cookie: `antrean_device=${deviceTokens(slug).kiosk}` },
			data: { serviceId: service.id }
		});
		expect(walkIn.status()).toBe(201);
		const walkInNumber = ((await walkIn.json()) as { number: string }).number;

		// the citizen checks in at the kiosk, after the walk-in, by typing the code
		const kiosk = await (await browser.newContext({ viewport: { width: 1080, height: 1920 } })).newPage();
		await kiosk.goto(`/kiosk/${slug}?device=${deviceTokens(slug).kiosk}&print=0`);
		await kiosk.getByRole('textbox', { name: 'Kode booking' }).fill(shown.toLowerCase());
		await kiosk.getByRole('button', { name: 'Check-in', exact: true }).click();
		await expect(kiosk.getByRole('heading', { name: 'Ambil tiket Anda' })).toBeVisible();
		const bookedNumber = (await kiosk.locator('.number-line .number').textContent())!.trim();
		expect(bookedNumber).toMatch(/^J\d{3}$/);
		await kiosk.screenshot(shot('booking-kiosk-check-in'));

		// the counter calls the booked citizen first, the later walk-in after
		const first = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers });
		expect(((await first.json()) as { ticket: { number: string } }).ticket.number).toBe(bookedNumber);
		// the phone is told, on the subscription it made for the reminder: "Dipanggil: silakan ke Loket …"
		await expect
			.poll(() => pushes().some((p) => p.title.includes(bookedNumber) && /Loket/.test(p.body)), {
				timeout: 15_000
			})
			.toBe(true);
		const second = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers });
		expect(((await second.json()) as { ticket: { number: string } }).ticket.number).toBe(walkInNumber);
		// one reminder only, whatever was swept meanwhile
		expect(pushes().filter((p) => p.title.startsWith('Pengingat'))).toHaveLength(1);
		await pushService.close();

		// the phone's booking page now names the ticket
		await phone.reload();
		await expect(phone.getByText(`Nomor antrean Anda ${bookedNumber}`)).toBeVisible();

		// the manager's Bookings tab counts it as checked in, on today's page for that service
		const manager = await (await browser.newContext()).newPage();
		await signInAt(manager, `/manage/${slug}`, `manager.${slug}@antrean.test`);
		await manager.getByRole('link', { name: 'Pemesanan' }).click();
		await expect(manager.getByRole('heading', { name: 'Pemesanan per jam' })).toBeVisible();
		await manager.getByRole('combobox', { name: 'Layanan' }).selectOption(service.id);
		await manager.getByRole('button', { name: 'Tampilkan' }).click();
		const panel = manager.locator(`[data-testid=booking-service][data-service="${service.id}"]`);
		await expect(panel).toHaveCount(1);
		const checkedIn = Number(await panel.getByTestId('booking-totals').locator('td').nth(2).textContent());
		expect(checkedIn).toBeGreaterThanOrEqual(1);
		await manager.screenshot(shot('manager-bookings-tab'));
		expect(await seriousViolations(manager)).toEqual([]);
	} finally {
		await sql`UPDATE mpps SET opening_hours = ${sql.json(mpp.hours as never)} WHERE id = ${mpp.id}`;
		await sql`UPDATE services SET booking_share = ${service.share}, expected_service_minutes = ${service.minutes}
			WHERE id = ${service.id}`;
		for (const day of closed)
			await sql`INSERT INTO mpp_closed_days ${sql(day as Record<string, unknown>)} ON CONFLICT DO NOTHING`;
		await sql.end();
	}
});
