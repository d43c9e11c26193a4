// The counter console as an operator works it: sign in, choose a counter, see the queue grow live,
// call, serve and finish with the keyboard, hear "nobody waits", transfer, take a break; a supervisor
// is told the console is not for their role; two counters never get the same ticket.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, deviceTokens, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;

interface Service {
	id: string;
	code: string;
	prefix: string;
	name: string;
	waiting: number;
}
interface Counter {
	id: string;
	name: string;
	services: string[];
}

/** The demo MPP through the public API: the kiosk issues tickets, the manager can empty a queue. */
async function demoApi(request: APIRequestContext, slug: string) {
	const kiosk = { authorization: `Bearer ${deviceTokens(slug).kiosk}` };
	const session = await request.post('/api/v1/session', {
		data: { email: `manager.${slug}@antrean.test`, password: DEMO_PASSWORD }
	});
	expect(session.status()).toBe(200);
	const manager = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
	const services = async () =>
		(
			(await (await request.get(`/api/v1/mpps/${slug}/services`, { headers: kiosk })).json()) as {
				services: Service[];
			}
		).services;
	const counters = (
		(await (await request.get(`/api/v1/mpps/${slug}/counters`, { headers: manager })).json()) as {
			counters: Counter[];
		}
	).counters;
	const all = await services();
	return {
		service: (code: string) => all.find((s) => s.code === code)!,
		counter: (name: string) => counters.find((c) => c.name === name)!,
		waiting: async (code: string) => (await services()).find((s) => s.code === code)!.waiting,
		async issue(serviceId: string): Promise<{ id: string; number: string }> {
			const response = await request.post(`/api/v1/mpps/${slug}/tickets`, {
				headers: kiosk,
				data: { serviceId }
			});
			expect(response.status(), await response.text()).toBe(201);
			return response.json();
		},
		/** Calls (and so finishes) until nobody waits for this counter: a known start for each test. */
		async drain(counter: Counter) {
			for (let i = 0; i < 200; i++) {
				const response = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers: manager });
				expect([200, 204]).toContain(response.status());
				if (response.status() === 204) return;
			}
			throw new Error(`${counter.name} never ran empty`);
		}
	};
}

const signIn = (page: Page, email: string) => signInAt(page, '/counter', email);

const currentNumber = (page: Page) => page.getByTestId('current-number');
const notice = (page: Page) => page.getByTestId('notice');
/** Presses a shortcut and waits for its request to finish (keys pressed meanwhile are ignored on purpose). */
async function press(page: Page, key: string) {
	await page.keyboard.press(key);
	await expect(page.getByRole('group', { name: 'Tindakan tiket' })).toHaveAttribute('aria-busy', 'false');
}

test.describe('an operator at the console', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('calls, serves and finishes a ticket with the keyboard, then hears that nobody waits', async ({
		page,
		request
	}) => {
		const api = await demoApi(request, 'jayapura');
		const counter = api.counter('Loket 2');
		const kk = api.service('KK');
		await api.drain(counter);

		await signIn(page, 'operator.jayapura.1@antrean.test');
		await expect(page.getByRole('heading', { name: 'Pilih loket' })).toBeVisible();
		await page.screenshot({ path: shot('counter-picker-1366') });
		await page.getByRole('link', { name: /Loket 2/ }).click();
		await expect(page).toHaveURL(new RegExp(`/counter\\?c=${counter.id}$`));
		await expect(page.getByRole('heading', { name: 'Loket 2' })).toBeVisible();
		await expect(page.getByTestId('connection')).toHaveText('Terhubung');
		await expect(page.getByText('Tidak ada yang menunggu', { exact: true })).toBeVisible();
		const served = Number(await page.getByTestId('served-today').textContent());

		// a citizen takes a KK ticket at the kiosk: the console counts them without a reload
		await expect(page.getByTestId('waiting-AK')).toHaveText('0');
		const ticket = await api.issue(kk.id);
		await expect(page.getByTestId('waiting-AK')).toHaveText('1');
		await expect(page.getByText('1 warga menunggu')).toBeVisible();

		await press(page, 'Space');
		await expect(currentNumber(page)).toHaveText(ticket.number);
		await expect(page.getByText('Kartu Keluarga').first()).toBeVisible();
		await expect(page.getByText('Panggilan ke-1 dari 3')).toBeVisible();
		await expect(page.getByTestId('waiting-AK')).toHaveText('0');
		await expect(notice(page)).toHaveText(`Nomor ${ticket.number} dipanggil.`);

		await press(page, 's');
		await expect(page.getByText('Sedang dilayani')).toBeVisible();
		await expect(page.getByText('Lama layanan')).toBeVisible();
		await page.screenshot({ path: shot('counter-serving-1366') });

		await press(page, 'f');
		await expect(notice(page)).toHaveText(`Nomor ${ticket.number} selesai dilayani.`);
		await expect(currentNumber(page)).toHaveCount(0);
		await expect(page.getByTestId('served-today')).toHaveText(String(served + 1));

		await press(page, 'n');
		await expect(notice(page)).toHaveText('Tidak ada yang menunggu: tidak ada nomor yang dipanggil.');
		await expect(page.getByText('Tidak ada yang menunggu', { exact: true })).toBeVisible();
		await page.screenshot({ path: shot('counter-nobody-1366') });
	});

	test('marks no-show only after the call limit, and transfers a ticket to another service', async ({
		page,
		request
	}) => {
		const api = await demoApi(request, 'jayapura');
		const counter = api.counter('Loket 3');
		await api.drain(counter);
		await signIn(page, 'operator.jayapura.1@antrean.test');
		await page.goto(`/counter?c=${counter.id}`);

		const absent = await api.issue(api.service('AKTA').id);
		await expect(page.getByTestId('waiting-AL')).toHaveText('1');
		await press(page, 'n');
		await expect(currentNumber(page)).toHaveText(absent.number);
		const noShow = page.getByRole('button', { name: /Tidak hadir/ });
		await expect(noShow).toBeDisabled();
		await expect(page.getByText('Tidak hadir dapat ditandai setelah 2 panggilan ulang lagi.')).toBeVisible();
		await press(page, 'x');
		await expect(notice(page)).toHaveText('Tidak hadir dapat ditandai setelah 2 panggilan ulang lagi.');
		await press(page, 'r');
		await expect(page.getByText('Panggilan ke-2 dari 3')).toBeVisible();
		await press(page, 'r');
		await expect(page.getByText('Panggilan ke-3 dari 3')).toBeVisible();
		await expect(page.getByRole('button', { name: /Panggil ulang/ })).toBeDisabled();
		await expect(noShow).toBeEnabled();
		await press(page, 'x');
		await expect(notice(page)).toHaveText(`Nomor ${absent.number} ditandai tidak hadir.`);

		const passport = api.service('PASPOR');
		const before = await api.waiting('PASPOR');
		const moving = await api.issue(api.service('AKTA').id);
		await expect(page.getByTestId('waiting-AL')).toHaveText('1');
		await press(page, 'n');
		await expect(currentNumber(page)).toHaveText(moving.number);
		await press(page, 't');
		const dialog = page.getByRole('dialog', { name: `Pindahkan ${moving.number} ke layanan lain` });
		await expect(dialog).toBeVisible();
		// shortcuts sleep while the dialog is open: typing "n" here searches, it does not call
		await page.keyboard.type('pasp');
		await expect(dialog.getByRole('button')).toHaveCount(2);
		await page.screenshot({ path: shot('counter-transfer-1366') });
		await page.keyboard.press('Enter');
		await expect(dialog).toBeHidden();
		await expect(notice(page)).toHaveText(`Nomor ${moving.number} dipindahkan ke ${passport.name}.`);
		await expect(currentNumber(page)).toHaveCount(0);
		expect(await api.waiting('PASPOR')).toBe(before + 1);
	});

	test('takes a break and comes back', async ({ page, request }) => {
		const api = await demoApi(request, 'jayapura');
		const counter = api.counter('Loket 1');
		await api.drain(counter);
		await signIn(page, 'operator.jayapura.1@antrean.test');
		await page.goto(`/counter?c=${counter.id}`);
		await expect(page.getByTestId('counter-status')).toHaveText('Buka');
		// the shortcuts listen once the console runs (it connects right after): not on the bare HTML
		await expect(page.getByTestId('connection')).toHaveText('Terhubung');

		await press(page, 'p');
		await expect(page.getByTestId('counter-status')).toHaveText('Istirahat');
		await expect(page.getByText('Loket sedang istirahat')).toBeVisible();
		await expect(page.getByRole('button', { name: /Panggil berikutnya/ })).toBeDisabled();
		await press(page, 'n');
		await expect(notice(page)).toHaveText('Loket sedang istirahat atau tutup. Buka loket terlebih dahulu.');
		await page.screenshot({ path: shot('counter-paused-1366') });

		await press(page, 'p');
		await expect(page.getByTestId('counter-status')).toHaveText('Buka');
		await expect(notice(page)).toHaveText('Loket dibuka.');
		await expect(page.getByRole('button', { name: /Panggil berikutnya/ })).toBeEnabled();

		// after a reload the console opens on the same counter, as it is on the server
		await page.goto('/counter');
		await expect(page).toHaveURL(new RegExp(`/counter\\?c=${counter.id}$`));
		await expect(page.getByTestId('counter-status')).toHaveText('Buka');
	});
});

test('a supervisor is told the console is read-only for their role', async ({ page }) => {
	await signIn(page, 'supervisor.bandung@antrean.test');
	await page.goto('/counter');
	await expect(page.getByRole('heading', { name: 'Peran hanya-baca' })).toBeVisible();
	await expect(page.getByTestId('error-message')).toContainText('supervisor');
	await page.screenshot({ path: shot('counter-supervisor-1366') });
});

test('two counters calling at once over two waiting tickets get different numbers', async ({
	browser,
	request
}) => {
	const api = await demoApi(request, 'bandung');
	const one = api.counter('Loket 1');
	const two = api.counter('Loket 2');
	const ktp = api.service('KTP_EL');
	expect(one.services).toContain(ktp.id);
	expect(two.services).toContain(ktp.id);
	await api.drain(one);
	await api.drain(two);

	async function console(browser: Browser, email: string, counter: Counter) {
		const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
		const page = await context.newPage();
		await signIn(page, email);
		await page.goto(`/counter?c=${counter.id}`);
		await expect(page.getByTestId('connection')).toHaveText('Terhubung');
		return page;
	}
	// one counter worked by its operator, the other by the MPP's manager standing in
	const first = await console(browser, 'operator.bandung.1@antrean.test', one);
	const second = await console(browser, 'manager.bandung@antrean.test', two);

	const issued = [await api.issue(ktp.id), await api.issue(ktp.id)].map((t) => t.number);
	await expect(first.getByTestId('waiting-A')).toHaveText('2');
	await expect(second.getByTestId('waiting-A')).toHaveText('2');

	await Promise.all([press(first, 'n'), press(second, 'n')]);
	await expect(currentNumber(first)).toHaveText(/^A\d{3}$/);
	await expect(currentNumber(second)).toHaveText(/^A\d{3}$/);
	const called = [await currentNumber(first).textContent(), await currentNumber(second).textContent()];
	expect(called[0]).not.toBe(called[1]);
	expect([...called].sort()).toEqual([...issued].sort());
	await first.screenshot({ path: shot('counter-two-operators-a') });
	await second.context().close();
	await first.context().close();
});

test('the console at 1920×1080 with a priority ticket being served', async ({ browser, request }) => {
	const api = await demoApi(request, 'denpasar');
	const counter = api.counter('Loket 1');
	await api.drain(counter);
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await signIn(page, 'operator.denpasar.1@antrean.test');
	await page.goto(`/counter?c=${counter.id}`);
	const response = await request.post('/api/v1/mpps/denpasar/tickets', {
		headers: { authorization: `Bearer ${deviceTokens('denpasar').kiosk}` },
		data: { serviceId: api.service('KTP_EL').id, priorityGroup: 'lansia' }
	});
	expect(response.status()).toBe(201);
	await api.issue(api.service('KTP_EL').id);
	await expect(page.getByTestId('waiting-A')).toHaveText('2');
	await press(page, 'n');
	await expect(page.getByText('Prioritas: Lansia')).toBeVisible();
	await press(page, 's');
	await expect(page.getByText('Sedang dilayani')).toBeVisible();
	await page.screenshot({ path: shot('counter-serving-1920') });

	// the same console in English, by the language switch, still on the same ticket
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByText('Being served')).toBeVisible();
	await expect(page.getByText('Priority: Elderly')).toBeVisible();
	await expect(page.getByRole('button', { name: /Finish & call next/ })).toBeVisible();
	await page.screenshot({ path: shot('counter-serving-1920-en') });
	await context.close();
});

test('the picker, the console and its dialogs pass axe’s serious checks; Enter confirms closing', async ({
	page,
	request
}) => {
	const serious = async () => {
		const { violations } = await new AxeBuilder({ page }).analyze();
		return violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	};
	const api = await demoApi(request, 'denpasar');
	const counter = api.counter('Loket 2');
	await api.drain(counter);
	await signIn(page, 'operator.denpasar.1@antrean.test');
	await expect(page.getByRole('heading', { name: 'Pilih loket' })).toBeVisible();
	expect(await serious()).toEqual([]);

	await page.goto(`/counter?c=${counter.id}`);
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	expect(await serious()).toEqual([]);
	const ticket = await api.issue(api.service('KTP_EL').id);
	await press(page, 'n');
	await expect(currentNumber(page)).toHaveText(ticket.number);
	expect(await serious()).toEqual([]);
	await press(page, 't');
	await expect(page.getByRole('dialog')).toBeVisible();
	expect(await serious()).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
	await press(page, 'c');
	await expect(page.getByRole('dialog', { name: 'Tutup loket?' })).toBeVisible();
	expect(await serious()).toEqual([]);
	// Enter confirms: the called citizen goes back to the queue, the counter closes
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('counter-status')).toHaveText('Tutup');
	await expect(page.getByTestId('waiting-A')).toHaveText('1');
	expect(await serious()).toEqual([]);
	await press(page, 'o');
	await expect(page.getByTestId('counter-status')).toHaveText('Buka');
});
