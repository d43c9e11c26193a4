// The ministry's page as the ministry uses it: a week of generated history for the three demo MPPs
// (WIB, WITA, WIT) in different sizes, the ranking sorted by its headers and filtered by time zone
// through the address; each MPP links to its dashboard, which the ministry opens read-only.
import { expect, test, type Page } from '@playwright/test';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { generateHistory } from '../../src/lib/server/history/generate';
import { DEMO_PASSWORD, e2eSql, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
/** id-ID integers ("1.234") back to numbers */
const int = (text: string | null) => Number((text ?? '').trim().replace(/\./g, ''));
const sizes: Record<string, number> = { bandung: 160, denpasar: 90, jayapura: 40 };

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const sql = e2eSql();
	try {
		const mpps = await sql<{ id: string; slug: string; timezone: string }[]>`
			SELECT id, slug, timezone FROM mpps WHERE slug IN ('bandung', 'denpasar', 'jayapura')`;
		for (const mpp of mpps) {
			const today = localDate(new Date(), mpp.timezone);
			await generateHistory(sql, {
				mppId: mpp.id,
				from: addDays(today, -8),
				to: addDays(today, -2),
				ticketsPerWeekday: sizes[mpp.slug],
				seed: 21
			});
		}
	} finally {
		await sql.end();
	}
});

const signIn = (page: Page) => signInAt(page, '/ministry', 'ministry@antrean.test');

const ranking = (page: Page) => page.getByTestId('ranking');
const slugs = (page: Page) =>
	ranking(page)
		.locator('tbody tr')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-slug')));
const column = (page: Page, index: number) =>
	ranking(page).locator(`tbody tr > :nth-child(${index})`).allTextContents();

test('the ministry ranks every MPP, sorts the ranking and filters it by time zone', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page);
	await expect(page.getByRole('heading', { name: 'Mal Pelayanan Publik se-Indonesia' })).toBeVisible();
	await expect(ranking(page).locator('tbody tr')).toHaveCount(3);
	expect((await slugs(page)).sort()).toEqual(['bandung', 'denpasar', 'jayapura']);
	// each MPP links to its dashboard, which opens read-only for the ministry (ministry-drilldown.spec.ts)
	await expect(ranking(page).locator('a')).toHaveCount(3);
	await expect(ranking(page).locator('tr[data-slug="bandung"] a')).toHaveAttribute('href', '/manage/bandung');
	const periodIssued = int(await page.getByTestId('period-issued').textContent());
	const tickets = (await column(page, 4)).map(int);
	expect(periodIssued).toBe(tickets.reduce((s, n) => s + n, 0));

	// by volume: the largest MPP first, the smallest first on a second click (other specs may have
	// added history to the demo MPPs, so the order is read from the numbers, not assumed)
	const header = (name: string) => ranking(page).getByRole('button', { name });
	const bySize = tickets.map((n, i) => [n, i] as const);
	const before = await slugs(page);
	const largestFirst = [...bySize].sort((a, b) => b[0] - a[0]).map(([, i]) => before[i]);
	await header('Tiket').click();
	expect(await slugs(page)).toEqual(largestFirst);
	expect((await column(page, 4)).map(int)).toEqual([...tickets].sort((a, b) => b - a));
	await expect(ranking(page).locator('th[aria-sort="descending"]')).toHaveText(/Tiket/);
	await header('Tiket').click();
	expect(await slugs(page)).toEqual([...largestFirst].reverse());

	// by average wait, longest first: the column reads in descending order
	await header('Tunggu rata-rata (mnt)').click();
	const waits = (await column(page, 5)).map((t) => Number(t.replace(',', '.')));
	expect(waits).toEqual([...waits].sort((a, b) => b - a));
	await page.screenshot({ path: shot('ministry-1366'), fullPage: true });

	// the time-zone filter goes through the address and keeps only Jayapura (WIT)
	await page.getByLabel('Zona waktu').selectOption('WIT');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/zone=WIT/);
	await expect(ranking(page).locator('tbody tr')).toHaveCount(1);
	expect(await slugs(page)).toEqual(['jayapura']);
	await expect(page.getByLabel('Zona waktu')).toHaveValue('WIT');
});

test('today’s national figures move on the open page as MPPs issue tickets', async ({ page, request }) => {
	await signIn(page);
	const live = page.getByTestId('today-live');
	await expect(live).toHaveText(/Langsung · diperbarui \d\d[.:]\d\d WIB/);
	const before = int(await page.getByTestId('today-issued').textContent());

	// Bandung issues two tickets: no reload, and the headline follows within a few pulses
	const session = await request.post('/api/v1/session', {
		data: { email: 'manager.bandung@antrean.test', password: DEMO_PASSWORD }
	});
	const headers = { authorization: `Bearer ${(await session.json()).token}` };
	const services = await (await request.get('/api/v1/mpps/bandung/services', { headers })).json();
	for (let i = 0; i < 2; i++) {
		const issued = await request.post('/api/v1/mpps/bandung/tickets', {
			headers,
			data: { serviceId: services.services[0].id }
		});
		expect(issued.status()).toBe(201);
	}
	await expect
		.poll(async () => int(await page.getByTestId('today-issued').textContent()), { timeout: 15_000 })
		.toBeGreaterThanOrEqual(before + 2);
});
