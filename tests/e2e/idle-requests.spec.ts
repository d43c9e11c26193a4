// A live page left open sends no HTTP request: everything after its first load arrives over the
// socket, and a lost connection costs exactly one resync (issue 10 §1: an idle tracking page sent
// 34 requests a second). Each page is opened, allowed to settle, then watched for 10 idle seconds.
import { expect, test, type APIRequestContext, type Page, type WebSocketRoute } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens, signInAt } from './demo';

const IDLE_MS = 10_000;
// a settled page has connected its socket and done the one read that follows a (re)connect
const SETTLE_MS = 1_500;

/** Every request the page makes from now on, as "METHOD url" (the socket's websocket is not one). */
function watchRequests(page: Page) {
	const seen: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() !== 'websocket') seen.push(`${request.method()} ${request.url()}`);
	});
	return {
		/** the requests made while `during` runs */
		async during(action: () => Promise<unknown>): Promise<string[]> {
			const from = seen.length;
			await action();
			return seen.slice(from);
		}
	};
}

async function idleRequests(page: Page, watch: ReturnType<typeof watchRequests>): Promise<string[]> {
	await page.waitForTimeout(SETTLE_MS);
	return watch.during(() => page.waitForTimeout(IDLE_MS));
}

interface Service {
	id: string;
	code: string;
}
interface Counter {
	id: string;
	name: string;
	services: string[];
}

/** The demo manager of Jayapura through the public API, and its bank's one service and counter. */
async function jayapura(request: APIRequestContext) {
	const session = await request.post('/api/v1/session', {
		data: { email: 'manager.jayapura@antrean.test', password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	const headers = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const get = async <T>(path: string) => (await (await request.get(path, { headers })).json()) as T;
	const { services } = await get<{ services: Service[] }>('/api/v1/mpps/jayapura/services');
	const { counters } = await get<{ counters: Counter[] }>('/api/v1/mpps/jayapura/counters');
	const service = services.find((s) => s.code === 'BANK')!;
	const counter = counters.find((c) => c.services.includes(service.id))!;
	const post = async (path: string, data?: object) => {
		const response = await request.post(path, { headers, data });
		expect([200, 201, 204], await response.text()).toContain(response.status());
		return response.status() === 204 ? null : response.json();
	};
	return {
		service,
		counter,
		issue: () =>
			post('/api/v1/mpps/jayapura/tickets', { serviceId: service.id }) as Promise<{
				id: string;
				number: string;
				trackCode: string;
			}>,
		callNext: () => post(`/api/v1/counters/${counter.id}/call-next`) as Promise<{ ticket: { id: string } }>,
		recall: (ticketId: string) => post(`/api/v1/tickets/${ticketId}/recall`),
		/** calls (and so finishes) until nobody waits at the bank: a known start */
		async drain() {
			for (let i = 0; i < 100; i++) if ((await this.callNext()) === null) return;
			throw new Error('the bank queue never ran empty');
		}
	};
}

test.describe('the tracking page', () => {
	test.use({ viewport: { width: 360, height: 800 } });

	test('sends nothing while idle, and follows its place and its call over the socket alone', async ({
		page,
		request
	}) => {
		const bank = await jayapura(request);
		await bank.drain();
		const ahead = await bank.issue();
		const mine = await bank.issue();

		const watch = watchRequests(page);
		await page.goto(`/t/${mine.trackCode}`);
		await expect(page.getByRole('heading', { name: 'Menunggu panggilan' })).toBeVisible();
		await expect(page.getByText('1 orang di depan Anda')).toBeVisible();
		await expect(page.getByText('Diperbarui otomatis')).toBeVisible();
		expect(await idleRequests(page, watch)).toEqual([]);

		const live = await watch.during(async () => {
			// the ticket ahead is called: this page moves up
			expect((await bank.callNext())?.ticket.id).toBe(ahead.id);
			await expect(page.getByText('Anda berikutnya')).toBeVisible();
			// then this one: called, and where to go
			expect((await bank.callNext())?.ticket.id).toBe(mine.id);
			await expect(page.getByRole('heading', { name: 'Giliran Anda!' })).toBeVisible();
			await expect(page.getByText(bank.counter.name, { exact: true })).toBeVisible();
		});
		expect(live).toEqual([]);
		await bank.drain();
	});

	test('after a lost connection, reads its ticket once and shows what it missed', async ({
		page,
		request
	}) => {
		const bank = await jayapura(request);
		await bank.drain();
		const mine = await bank.issue();

		// the phone's network, between the page and the server: cut and restored by the test
		let online = true;
		let resyncs = 0;
		const sockets = new Set<WebSocketRoute>();
		await page.routeWebSocket(/\/socket\.io\//, (socket) => {
			if (!online) return void socket.close();
			const server = socket.connectToServer();
			socket.onMessage((message) => {
				if (String(message).includes('"ticket:follow"')) resyncs++;
				server.send(message);
			});
			sockets.add(socket);
		});
		const watch = watchRequests(page);
		await page.goto(`/t/${mine.trackCode}`);
		await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live');
		expect(await idleRequests(page, watch)).toEqual([]);
		expect(resyncs).toBe(1);

		const whileAway = await watch.during(async () => {
			online = false;
			for (const socket of sockets) await socket.close();
			await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');
			// called twice while the phone was away: only the resync can tell it
			await bank.callNext();
			await bank.recall(mine.id);
			online = true;
			await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'live', {
				timeout: 20_000
			});
			await expect(page.getByRole('heading', { name: 'Giliran Anda!' })).toBeVisible();
			await expect(page.getByText('Dipanggil 2 kali. Segera menuju loket.')).toBeVisible();
		});
		// the resync travels over the socket: not one HTTP request, one read, and no loop after it
		expect(whileAway).toEqual([]);
		expect(await idleRequests(page, watch)).toEqual([]);
		expect(resyncs).toBe(2);
		await bank.drain();
	});
});

test('an idle TV sends nothing', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('antrean.display.sound', 'off'));
	const watch = watchRequests(page);
	await page.goto(`/display/jayapura?device=${deviceTokens('jayapura').display}`);
	await expect(page.getByTestId('mpp-name')).toBeVisible();
	await expect(page.getByTestId('reconnecting')).toHaveCount(0);
	expect(await idleRequests(page, watch)).toEqual([]);
});

test('an idle kiosk sends nothing, and its waiting counts still follow the queue', async ({
	page,
	request
}) => {
	const bank = await jayapura(request);
	await bank.drain();
	const watch = watchRequests(page);
	await page.goto(`/kiosk/jayapura?device=${deviceTokens('jayapura').kiosk}`);
	const tile = page.getByRole('link', { name: /Bank Papua/ });
	await expect(tile).toContainText('Tidak ada antrean');
	expect(await idleRequests(page, watch)).toEqual([]);

	// a number taken at another kiosk: this one counts it without asking
	const live = await watch.during(async () => {
		await bank.issue();
		await expect(tile).toContainText('1 orang menunggu');
	});
	expect(live).toEqual([]);
	await bank.drain();
});

test('an idle counter console sends nothing', async ({ page, request }) => {
	const bank = await jayapura(request);
	await signInAt(page, `/counter?c=${bank.counter.id}`, 'operator.jayapura.8@antrean.test');
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	const watch = watchRequests(page);
	expect(await idleRequests(page, watch)).toEqual([]);
});

test('an idle live dashboard sends nothing', async ({ page }) => {
	await signInAt(page, '/manage/jayapura', 'manager.jayapura@antrean.test');
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	const watch = watchRequests(page);
	expect(await idleRequests(page, watch)).toEqual([]);
});

test('the ministry’s read-only view of an MPP sends nothing while idle, and its figures still move', async ({
	page,
	request
}) => {
	const bank = await jayapura(request);
	await bank.drain();
	await signInAt(page, '/manage/jayapura', 'ministry@antrean.test');
	await expect(page.getByTestId('read-only-notice')).toBeVisible();
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	const waiting = page
		.locator(`[data-testid="service-row"][data-service="${bank.service.id}"]`)
		.getByTestId('service-waiting');
	await expect(waiting).toHaveText('0');
	const issued = page.getByTestId('kpi-issued').locator('.value');
	const watch = watchRequests(page);
	expect(await idleRequests(page, watch)).toEqual([]);
	const issuedBefore = Number((await issued.textContent())!.replace(/\D/g, ''));

	// a number taken at the kiosk: the ministry sees the figures move without asking for them
	const live = await watch.during(async () => {
		await bank.issue();
		await expect(waiting).toHaveText('1');
		await expect(issued).toHaveText(String(issuedBefore + 1));
	});
	expect(live).toEqual([]);
	await bank.drain();
});

test('an idle ministry page sends nothing', async ({ page }) => {
	await signInAt(page, '/ministry', 'ministry@antrean.test');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const watch = watchRequests(page);
	expect(await idleRequests(page, watch)).toEqual([]);
});
