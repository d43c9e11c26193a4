// The manager dashboard's History tab and monthly report as a manager uses them: ten weeks of Denpasar
// history (WITA) with generated survey answers, the last 30 days charted and tabled with the API's numbers, the
// table sorted, regrouped through the form, exported as CSV; last month's report on one A4 sheet;
// a supervisor of another MPP refused, a broken address answered with a 400 page.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { createSql } from '../../src/lib/server/db/client';
import { demoMpps } from '../../src/lib/server/demo/profile';
import { generateHistory } from '../../src/lib/server/history/generate';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { e2eDatabaseFile, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
const slug = 'denpasar';
const mppName = 'Mal Pelayanan Publik Kota Denpasar';
/** id-ID integers ("1.234") back to numbers */
const int = (text: string | null) => Number((text ?? '').trim().replace(/\./g, ''));

test.beforeAll(async () => {
	test.setTimeout(180_000);
	const sql = createSql(readFileSync(e2eDatabaseFile(Number(process.env.E2E_PORT)), 'utf8').trim(), 2);
	try {
		const [mpp] = await sql<{ id: string; timezone: string }[]>`
			SELECT id, timezone FROM mpps WHERE slug = ${slug}`;
		const today = localDate(new Date(), mpp.timezone);
		// serve.ts opens every MPP round the clock so tickets can be taken at any hour; the generator
		// plans days by opening hours, so it gets Denpasar's real ones (Mon–Fri 08:00–16:00 WITA) back
		// for ten weeks up to yesterday: the last 30 days and the whole of last month, whatever today is
		const real = demoMpps.find((d) => d.slug === slug)!.openingHours;
		const [{ openingHours }] = await sql<{ openingHours: typeof real }[]>`
			SELECT opening_hours AS "openingHours" FROM mpps WHERE id = ${mpp.id}`;
		await sql`UPDATE mpps SET opening_hours = ${sql.json(real)} WHERE id = ${mpp.id}`;
		try {
			const days = { mppId: mpp.id, from: addDays(today, -70), to: addDays(today, -1), seed: 4 };
			await generateHistory(sql, days);
			// and the survey answers the demo's history gets, so the IKM has respondents
			await generateHistorySurveys(sql, days);
		} finally {
			await sql`UPDATE mpps SET opening_hours = ${sql.json(openingHours)} WHERE id = ${mpp.id}`;
		}
	} finally {
		await sql.end();
	}
});

const signIn = (page: Page, email: string) => signInAt(page, '/login', email);

/** How many pixels of each chart canvas Chart.js painted. */
const paintedPixels = (page: Page) =>
	page.locator('canvas').evaluateAll((canvases) =>
		canvases.map((node) => {
			const canvas = node as HTMLCanvasElement;
			const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
			let painted = 0;
			for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
			return painted;
		})
	);

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

interface StatsAnswer {
	rows: { tenantName?: string; hour?: number; issued: number; served: number }[];
	total: { issued: number; served: number; called: number };
}

test('the History tab charts the last 30 days and tables the same numbers as the API', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, `manager.${slug}@antrean.test`);
	await page.goto(`/manage/${slug}/history`);
	await expect(page.getByRole('heading', { name: 'Riwayat layanan' })).toBeVisible();
	await expect(page.getByRole('link', { name: '30 hari' })).toHaveAttribute('aria-current', 'true');

	// four Chart.js charts (hourly volume, wait distribution, service level, IKM), all drawn
	await expect(page.locator('canvas')).toHaveCount(4);
	for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(500);
	await expect(page.getByRole('img', { name: /^Volume per jam/ })).toBeVisible();
	await expect(page.getByTestId('heatmap').locator('tbody tr')).toHaveCount(7);
	await expect(page.getByTestId('ikm-summary')).toContainText(/IKM \d{2},\d{2}/);
	await expect(page.getByTestId('ikm-summary')).toContainText(/Mutu [ABCD]/);

	// the grouped table (by agency) agrees with GET …/stats for the same range
	const from = await page.getByLabel('Dari tanggal').inputValue();
	const to = await page.getByLabel('Sampai tanggal').inputValue();
	const api = (await (
		await page.request.get(`/api/v1/mpps/${slug}/stats?from=${from}&to=${to}&groupBy=tenant`)
	).json()) as StatsAnswer;
	expect(api.total.issued).toBeGreaterThan(1000);
	const table = page.getByTestId('grouped-table');
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(api.rows.length);
	for (const row of api.rows) {
		const line = rows.filter({ has: page.getByRole('rowheader', { name: row.tenantName!, exact: true }) });
		expect(int(await line.locator('td').nth(0).textContent())).toBe(row.issued);
		expect(int(await line.locator('td').nth(2).textContent())).toBe(row.served);
	}
	const footer = table.locator('tfoot td');
	expect(int(await footer.nth(0).textContent())).toBe(api.total.issued);
	expect(int(await footer.nth(2).textContent())).toBe(api.total.served);
	expect(int(await page.getByTestId('kpi-issued').textContent())).toBe(api.total.issued);
	await page.screenshot({ path: shot('manage-history-1366'), fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);
	// the wait distribution counts every called ticket once
	await page.getByTestId('chart-wait').getByText('Tabel data').click();
	const waitTotal = page.getByTestId('chart-wait').locator('tfoot td').first();
	expect(int(await waitTotal.textContent())).toBe(api.total.called);

	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/manage/${slug}/history`);
	await expect(page.locator('canvas')).toHaveCount(4);
	await page.screenshot({ path: shot('manage-history-1920'), fullPage: true });
});

test('sorting, regrouping and the CSV export', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, `manager.${slug}@antrean.test`);
	await page.goto(`/manage/${slug}/history`);
	const table = page.getByTestId('grouped-table');
	const issued = async () => (await table.locator('tbody tr td:nth-of-type(1)').allTextContents()).map(int);

	// agencies come by name; a click on "Diambil" puts the busiest first, a second click the quietest
	const byName = await issued();
	const header = table.getByRole('columnheader', { name: /^Diambil/ });
	await header.getByRole('button').click();
	await expect(header).toHaveAttribute('aria-sort', 'descending');
	const descending = await issued();
	expect(descending).toEqual([...byName].sort((a, b) => b - a));
	expect(descending).not.toEqual(byName);
	await header.getByRole('button').press('Enter');
	await expect(header).toHaveAttribute('aria-sort', 'ascending');
	expect(await issued()).toEqual([...byName].sort((a, b) => a - b));

	// grouping by hour through the form: the address keeps it, the table is per local hour
	await page.getByLabel('Kelompokkan per').selectOption('hour');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/groupBy=hour/);
	await expect(table.getByRole('columnheader').first()).toHaveText(/Jam/);
	await expect(table.getByRole('caption')).toHaveText(/Rincian per jam/);
	const hours = await table.locator('tbody th').allTextContents();
	expect(hours.length).toBeGreaterThan(4);
	for (const hour of hours) expect(hour).toMatch(/^\d{2}\.00$/);
	await page.reload();
	await expect(page.getByLabel('Kelompokkan per')).toHaveValue('hour');

	// by source: walk-ins apart from bookings checked in on time (issue 12)
	await page.getByLabel('Kelompokkan per').selectOption('source');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/groupBy=source/);
	await expect(table.getByRole('columnheader').first()).toHaveText(/Sumber/);
	const sources = await table.locator('tbody th').allTextContents();
	expect(sources[0]).toBe('Datang langsung');
	for (const source of sources) expect(['Datang langsung', 'Pemesanan']).toContain(source);
	await page.getByLabel('Kelompokkan per').selectOption('hour');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/groupBy=hour/);

	// the CSV link downloads the same query as a spreadsheet file
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(new RegExp(`^antrean-${slug}-hour-.*\\.csv$`));
	const csv = readFileSync((await file.path())!, 'utf8');
	const [head, ...lines] = csv.trim().split(/\r\n/);
	expect(head.split(',').slice(0, 4)).toEqual(['hour', 'issued', 'called', 'served']);
	expect(lines.at(-1)).toMatch(/^total,/);
	expect(lines.length - 1).toBe(hours.length);
});

test('last month’s report names the MPP and its numbers, and prints on one A4 page', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, `manager.${slug}@antrean.test`);
	await page.goto(`/manage/${slug}/report`);
	const report = page.getByTestId('report');
	await expect(report.getByRole('heading', { level: 1 })).toHaveText(mppName);
	const today = localDate(new Date(), 'Asia/Makassar');
	const lastDay = addDays(`${today.slice(0, 7)}-01`, -1);
	const monthName = new Intl.DateTimeFormat('id-ID', {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${lastDay}T00:00:00Z`));
	await expect(report).toContainText(`Periode: ${monthName}`);
	const api = (await (
		await page.request.get(
			`/api/v1/mpps/${slug}/stats?from=${lastDay.slice(0, 8)}01&to=${lastDay}&groupBy=day`
		)
	).json()) as StatsAnswer;
	expect(api.total.issued).toBeGreaterThan(1000);
	expect(int(await page.getByTestId('report-issued').textContent())).toBe(api.total.issued);
	expect(int(await page.getByTestId('report-served').textContent())).toBe(api.total.served);
	const weeks = (
		await page.getByTestId('report-weeks').locator('tbody td:nth-of-type(2)').allTextContents()
	).map(int);
	expect(weeks.reduce((s, n) => s + n, 0)).toBe(api.total.issued);
	await expect(page.getByTestId('report-ikm')).toContainText(/\d{2},\d{2}\s*Mutu [ABCD]/);
	await expect(page.getByRole('button', { name: 'Cetak' })).toBeVisible();
	await page.screenshot({ path: shot('manage-report-screen'), fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);

	// printed: no tabs, no buttons, and the whole report on one A4 sheet
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 794, height: 1123 });
	await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await page.screenshot({ path: shot('manage-report-print'), fullPage: true });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
	expect(pages).toHaveLength(1);
});

test('a supervisor of another MPP is refused, a broken address gets a 400 page', async ({ page }) => {
	await signIn(page, 'supervisor.bandung@antrean.test');
	for (const path of ['history', 'report']) {
		const response = await page.goto(`/manage/${slug}/${path}`);
		expect(response?.status()).toBe(403);
		await expect(page.getByText(mppName)).toHaveCount(0);
	}
	// their own MPP's tab opens, and a date that is not a date is a clear 400, not a crash
	expect((await page.goto('/manage/bandung/history'))?.status()).toBe(200);
	const bad = await page.goto('/manage/bandung/history?from=kemarin');
	expect(bad?.status()).toBe(400);
	await expect(page.getByText(/Rentang tanggal tidak sah/)).toBeVisible();
	const future = await page.goto('/manage/bandung/report?month=2999-01');
	expect(future?.status()).toBe(400);
	await expect(page.getByText(/Bulan tidak sah/)).toBeVisible();
});
