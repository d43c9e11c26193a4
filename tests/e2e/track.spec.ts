// The citizen's phone follows the ticket from the slip's QR code: waiting with a place in the queue,
// then "called, go to Loket N" the moment an operator calls it, then the thank-you, without a reload.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { mppLogins } from '../../src/lib/server/demo/plan';
import { demoMpps } from '../../src/lib/server/demo/profile';
import { DEMO_PASSWORD } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Jayapura's water utility: one agency, one service, one counter, one operator; other specs use Bandung
const mpp = demoMpps.find((m) => m.slug === 'jayapura')!;
const tenant = mpp.tenants.find((t) => t.code === 'PDAM')!;
const operator = mppLogins(mpp).find((l) => l.tenantName === tenant.name)!;

async function bearer(request: APIRequestContext, email: string): Promise<Record<string, string>> {
	const response = await request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD } });
	expect(response.status()).toBe(200);
	return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

async function setUp(request: APIRequestContext) {
	const staff = await bearer(request, operator.email);
	const { services } = (await (
		await request.get('/api/v1/mpps/jayapura/services', { headers: staff })
	).json()) as {
		services: { id: string; name: string }[];
	};
	const service = services.find((s) => s.name === tenant.services[0].name)!;
	const { counters } = (await (
		await request.get('/api/v1/mpps/jayapura/counters', { headers: staff })
	).json()) as {
		counters: { id: string; name: string }[];
	};
	const counter = counters.find((c) => c.name === operator.counters[0])!;
	return { staff, service, counter };
}

async function issue(request: APIRequestContext, staff: Record<string, string>, serviceId: string) {
	const response = await request.post('/api/v1/mpps/jayapura/tickets', {
		headers: staff,
		data: { serviceId }
	});
	expect(response.status()).toBe(201);
	return (await response.json()) as { id: string; number: string; trackCode: string };
}

test('the tracking page follows a ticket from waiting to called to done, live', async ({ page, request }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	const { staff, service, counter } = await setUp(request);
	const ahead = await issue(request, staff, service.id);
	const mine = await issue(request, staff, service.id);

	await page.goto(`/t/${mine.trackCode}`);
	await expect(page.getByRole('heading', { name: 'Menunggu panggilan' })).toBeVisible();
	await expect(page.getByText(mine.number, { exact: true })).toBeVisible();
	await expect(page.getByText('1 orang di depan Anda')).toBeVisible();
	await expect(page.getByText('Perumda Air Minum Jayapura')).toBeVisible();
	await expect(page.getByText(/\d{2}:\d{2}:\d{2} WIT/)).toBeVisible();
	await expect(page.getByText('Diperbarui otomatis')).toBeVisible();
	await page.screenshot(shot('track-waiting'));

	// the counter calls the ticket ahead: this page moves up without a reload
	let call = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers: staff });
	expect(((await call.json()) as { ticket: { id: string } }).ticket.id).toBe(ahead.id);
	await expect(page.getByText('Anda berikutnya')).toBeVisible();

	// then this one: the whole page says where to go
	call = await request.post(`/api/v1/counters/${counter.id}/call-next`, { headers: staff });
	expect(((await call.json()) as { ticket: { id: string } }).ticket.id).toBe(mine.id);
	await expect(page.getByRole('heading', { name: 'Giliran Anda!' })).toBeVisible();
	await expect(page.getByText('Silakan menuju')).toBeVisible();
	await expect(page.getByText(counter.name, { exact: true })).toBeVisible();
	await page.screenshot(shot('track-called'));

	// a recall says so again
	await request.post(`/api/v1/tickets/${mine.id}/recall`, { headers: staff });
	await expect(page.getByText('Dipanggil 2 kali. Segera menuju loket.')).toBeVisible();

	await request.post(`/api/v1/tickets/${mine.id}/start`, { headers: staff });
	await expect(page.getByRole('heading', { name: 'Sedang dilayani' })).toBeVisible();
	await request.post(`/api/v1/tickets/${mine.id}/finish`, { headers: staff });
	await expect(page.getByRole('heading', { name: 'Selesai dilayani' })).toBeVisible();
	await expect(
		page.getByText('Terima kasih atas kunjungan Anda ke Mal Pelayanan Publik Kota Jayapura.')
	).toBeVisible();
	await page.screenshot(shot('track-done'));
});

test('a cancelled ticket is explained, in English when chosen', async ({ page, request }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	const { staff, service } = await setUp(request);
	const mine = await issue(request, staff, service.id);
	await page.goto(`/t/${mine.trackCode}`);
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('heading', { name: 'Waiting to be called' })).toBeVisible();
	await request.post(`/api/v1/tickets/${mine.id}/cancel`, { headers: staff });
	await expect(page.getByRole('heading', { name: 'Number cancelled' })).toBeVisible();
	await expect(page.getByText('This queue number has been cancelled.')).toBeVisible();
	await page.screenshot(shot('track-cancelled-en'));
});

test('an unknown or malformed code gets a friendly not-found page', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 800 });
	for (const code of ['abcdefghjk', 'not a code!']) {
		const response = await page.goto(`/t/${encodeURIComponent(code)}`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: 'Nomor antrean tidak ditemukan' })).toBeVisible();
	}
	await page.screenshot(shot('track-not-found'));
});
