// The lobby TV: paired by its link, it shows the MPP, its clock and every call live; it comes back
// from a lost connection with the calls it missed; it never shows a waiting ticket's number.
import { expect, test, type APIRequestContext, type Page, type WebSocketRoute } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;

// a lobby TV
test.use({ viewport: { width: 1920, height: 1080 } });

interface Service {
	id: string;
	code: string;
	prefix: string;
	tenantName: string;
}
interface Counter {
	id: string;
	name: string;
	services: string[];
}
interface Ticket {
	id: string;
	number: string;
	serviceId: string;
}

/** The demo manager of an MPP, through the public API with a bearer token. */
async function managerApi(request: APIRequestContext, slug: string) {
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	const { token } = (await session.json()) as { token: string };
	const headers = { authorization: `Bearer ${token}` };
	const services = (
		(await (await request.get(`/api/v1/mpps/${slug}/services`, { headers })).json()) as {
			services: Service[];
		}
	).services;
	const counters = (
		(await (await request.get(`/api/v1/mpps/${slug}/counters`, { headers })).json()) as {
			counters: Counter[];
		}
	).counters;
	return {
		services,
		service: (code: string) => services.find((s) => s.code === code)!,
		counterFor: (serviceId: string, nth = 0) => counters.filter((c) => c.services.includes(serviceId))[nth],
		async issue(serviceId: string): Promise<Ticket> {
			const response = await request.post(`/api/v1/mpps/${slug}/tickets`, { headers, data: { serviceId } });
			expect(response.status(), await response.text()).toBe(201);
			return (await response.json()) as Ticket;
		},
		async callNext(counter: Counter): Promise<Ticket> {
			const response = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers });
			expect(response.status(), await response.text()).toBe(200);
			return ((await response.json()) as { ticket: Ticket }).ticket;
		}
	};
}

/**
 * Opens the TV by its pairing link, muted or with sound. Chromium's autoplay rule cannot be pinned
 * down here (Playwright's own probes count as a user's touch), so the sound choice is the TV's
 * remembered one, and a prompt, when the browser shows it, is answered (display-sound.spec.ts
 * tests the prompt itself).
 */
async function openPairedTv(
	page: Page,
	slug: string,
	options: { query?: string; sound?: boolean; opened?: Promise<unknown> } = {}
) {
	const choice = options.sound ? 'on' : 'off';
	await page.addInitScript((value) => localStorage.setItem('antrean.display.sound', value), choice);
	const query = options.query ? `&${options.query}` : '';
	const socket = options.opened ?? page.waitForEvent('websocket');
	await page.goto(`/display/${slug}?device=${deviceTokens(slug).display}${query}`);
	await socket;
	// the token leaves the address bar; the cookie keeps the pairing
	await expect(page).toHaveURL(new RegExp(`/display/${slug}(\\?|$)`));
	expect(page.url()).not.toContain('device=');
	if (options.sound) {
		const enable = page.getByTestId('sound-enable');
		await expect(enable.or(page.getByText('Suara aktif'))).toBeVisible();
		if (await enable.isVisible()) await enable.click();
		await expect(page.getByText('Suara aktif')).toBeVisible();
	} else {
		await expect(page.getByRole('button', { name: /Suara mati/ })).toBeVisible();
	}
	// connected to the display room: later calls arrive live
	await expect(page.getByText('Tersambung')).toBeVisible({ timeout: 15_000 });
}

test('an unpaired browser is told how to pair the screen, in Indonesian', async ({ page }) => {
	const response = await page.goto('/display/bandung');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { name: 'Layar ini belum dipasangkan' })).toBeVisible();
	await expect(page.getByText(/Minta pengelola MPP Anda membuka tautan pemasangan/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Masuk' })).toBeVisible();
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.screenshot({ path: shot('display-not-paired-1366') });

	const wrongLink = await page.goto('/display/bandung?device=not-a-real-token');
	expect(wrongLink?.status()).toBe(403);
	await expect(page.getByText(/Tautan pemasangan ini tidak berlaku/)).toBeVisible();

	const unknown = await page.goto('/display/tidak-ada');
	expect(unknown?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'MPP tidak ditemukan' })).toBeVisible();
});

test('a TV paired by its link shows its MPP and the clock in the MPP’s own zone', async ({ page }) => {
	await openPairedTv(page, 'denpasar');
	await expect(page.getByTestId('mpp-name')).toHaveText('Mal Pelayanan Publik Kota Denpasar');
	await expect(page.getByTestId('clock-zone')).toHaveText('WITA');
	const expectedDate = new Intl.DateTimeFormat('id-ID', {
		timeZone: 'Asia/Makassar',
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date());
	await expect(page.getByTestId('clock-date')).toHaveText(expectedDate);
	await expect(page.getByTestId('clock-time')).toContainText(/^\d{2}:\d{2}/);
	await expect(page.getByTestId('running-text')).toContainText('Selamat datang di Mal Pelayanan Publik');
	// a rebooted TV opens its plain address and is still paired
	await page.goto('/display/denpasar');
	await expect(page.getByTestId('mpp-name')).toBeVisible();

	await openPairedTv(page, 'jayapura');
	await expect(page.getByTestId('clock-zone')).toHaveText('WIT');
});

test('a call made at a counter appears on the TV at once, and waiting numbers never show', async ({
	page,
	request
}) => {
	const api = await managerApi(request, 'bandung');
	const skck = api.service('SKCK');
	const counter = api.counterFor(skck.id);
	// with sound: the call goes through the announcement queue (chime, then speech or its timeout)
	await openPairedTv(page, 'bandung', { sound: true });
	await expect(page.getByText('Suara aktif')).toBeVisible();

	const first = await api.issue(skck.id);
	const waiting = await api.issue(skck.id);
	const called = await api.callNext(counter);
	expect(called.number).toBe(first.number);

	await expect(page.getByTestId('current-number')).toHaveText(first.number);
	await expect(page.getByTestId('current-counter')).toHaveText(counter.name);
	await expect(page.getByTestId('waiting')).toContainText('Polrestabes Bandung');
	// the number still waiting is counted, never shown
	await expect(page.locator('body')).not.toContainText(waiting.number);
	await page.screenshot({ path: shot('display-live-call-1920') });
});

test('a display that loses its connection comes back and shows the call it missed', async ({
	page,
	request
}) => {
	const api = await managerApi(request, 'jayapura');
	const service = api.services[0];
	const counter = api.counterFor(service.id);
	// the TV's network, between the page and the server: cut and restored by the test
	let online = true;
	const sockets = new Set<WebSocketRoute>();
	let opened!: () => void;
	const firstSocket = new Promise<void>((resolve) => (opened = resolve));
	await page.routeWebSocket(/\/socket\.io\//, (socket) => {
		if (!online) return void socket.close();
		socket.connectToServer();
		sockets.add(socket);
		opened();
	});
	await openPairedTv(page, 'jayapura', { opened: firstSocket });

	const before = (await page.getByTestId('current-call').textContent()) ?? '';
	online = false;
	for (const socket of sockets) await socket.close();
	await expect(page.getByTestId('reconnecting')).toBeVisible();
	const missed = await api.issue(service.id);
	await api.callNext(counter);
	await page.setViewportSize({ width: 1366, height: 768 });
	// the last known state stays on screen while offline
	await expect(page.getByTestId('current-call')).toHaveText(before);
	await page.screenshot({ path: shot('display-reconnecting-1366') });

	online = true;
	await expect(page.getByTestId('reconnecting')).toHaveCount(0, { timeout: 20_000 });
	await expect(page.getByTestId('current-number')).toHaveText(missed.number);
	await expect(page.getByTestId('current-counter')).toHaveText(counter.name);
});

test('a filtered TV shows only its agencies and names the codes it ignored', async ({ page, request }) => {
	const api = await managerApi(request, 'bandung');
	const paspor = api.service('PASPOR');
	const pkb = api.service('PKB');
	await openPairedTv(page, 'bandung', { query: 'tenants=IMIGRASI,NOPE' });
	await expect(page.getByTestId('filter-hint')).toContainText('IMIGRASI');
	await expect(page.getByTestId('filter-hint')).toContainText('NOPE');
	await expect(page.getByTestId('waiting').getByRole('listitem')).toHaveCount(1);

	const shown = await api.issue(paspor.id);
	await api.callNext(api.counterFor(paspor.id));
	await expect(page.getByTestId('current-number')).toHaveText(shown.number);
	// a call of another agency, then one of this TV's: events arrive in order, so once the second
	// shows, the first has been seen and left out
	const hidden = await api.issue(pkb.id);
	await api.callNext(api.counterFor(pkb.id));
	const next = await api.issue(paspor.id);
	await api.callNext(api.counterFor(paspor.id, 1));
	await expect(page.getByTestId('current-number')).toHaveText(next.number);
	await expect(page.getByTestId('recent-calls')).toContainText(shown.number);
	await expect(page.locator('body')).not.toContainText(hidden.number);
});

test('signed-in staff of the MPP see a preview', async ({ page }) => {
	const session = await page.request.post('/api/v1/session', {
		data: { email: 'supervisor.bandung@antrean.test', password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	await page.goto('/display/bandung');
	await expect(page.getByTestId('preview-badge')).toHaveText('Pratinjau');
	// another MPP's screen stays closed to them
	const other = await page.goto('/display/denpasar');
	expect(other?.status()).toBe(403);
});

test('the board at lobby TV sizes, busy', async ({ page, request }) => {
	const api = await managerApi(request, 'bandung');
	const codes = ['KTP_EL', 'KK', 'OSS', 'PKB', 'SIM', 'PASPOR', 'BPJS_KES', 'BANK', 'PBB', 'AKTA'];
	for (const code of codes) {
		const service = api.service(code);
		for (let i = 0; i < 3; i++) await api.issue(service.id);
	}
	// muted, so each call takes the big panel at once instead of after the one being read out
	await openPairedTv(page, 'bandung');
	for (const code of codes.slice(0, 8)) {
		const service = api.service(code);
		await api.callNext(api.counterFor(service.id));
	}
	const last = await api.callNext(api.counterFor(api.service('KTP_EL').id, 1));
	await expect(page.getByTestId('current-number')).toHaveText(last.number);
	await expect(page.getByTestId('recent-calls').getByRole('listitem')).toHaveCount(7);

	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	]) {
		await page.setViewportSize({ width, height });
		// the board fits the screen: nothing to scroll on a TV
		const overflow = await page.evaluate(() => ({
			x: document.documentElement.scrollWidth - window.innerWidth,
			y: document.documentElement.scrollHeight - window.innerHeight
		}));
		expect(overflow).toEqual({ x: 0, y: 0 });
		await page.screenshot({ path: shot(`display-board-${width}`) });
	}
});
