// The ministry's trends, regions, distribution and grade-change pages as the ministry uses them: two
// months of generated history and survey answers for the three demo MPPs (WIB, WITA, WIT), charts drawn
// on canvases whose numbers the tables repeat, the tabs between the pages, and the ranking's size filter.
import { expect, test, type Page } from '@playwright/test';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { generateHistory } from '../../src/lib/server/history/generate';
import { generateHistorySurveys } from '../../src/lib/server/stats/history-surveys';
import { e2eSql, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
/** id-ID integers ("1.234") back to numbers */
const int = (text: string | null) => Number((text ?? '').trim().replace(/\./g, ''));
const sizes: Record<string, number> = { bandung: 160, denpasar: 90, jayapura: 40 };

test.beforeAll(async () => {
	test.setTimeout(180_000);
	const sql = e2eSql();
	try {
		const mpps = await sql<{ id: string; slug: string; timezone: string }[]>`
			SELECT id, slug, timezone FROM mpps WHERE slug IN ('bandung', 'denpasar', 'jayapura')`;
		for (const [i, mpp] of mpps.entries()) {
			const today = localDate(new Date(), mpp.timezone);
			const days = { mppId: mpp.id, from: addDays(today, -63), to: addDays(today, -2) };
			await generateHistory(sql, { ...days, ticketsPerWeekday: sizes[mpp.slug], seed: 41 + i });
			await generateHistorySurveys(sql, { ...days, seed: 41 + i });
		}
	} finally {
		await sql.end();
	}
});

const signIn = (page: Page, path: string) => signInAt(page, path, 'ministry@antrean.test');

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Halaman Kementerian' });

/** The body cells of a column (1-based) of a table, and its footer cell. */
async function columnOf(page: Page, testid: string, index: number) {
	const table = page.getByTestId(testid);
	const cells = await table.locator(`tbody tr > :nth-child(${index})`).allTextContents();
	const total = await table.locator(`tfoot tr > :nth-child(${index})`).textContent();
	return { cells, total };
}

test('trends: national and one province, monthly and weekly, as charts and a table', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, '/ministry/trends');
	await expect(page.getByText('Dasbor Kementerian')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Kinerja dari waktu ke waktu' })).toBeVisible();
	await expect(tabs(page).getByRole('link', { name: 'Tren' })).toHaveAttribute('aria-current', 'page');
	await expect(tabs(page).getByRole('link', { name: 'Laporan mingguan' })).toHaveAttribute(
		'href',
		'/ministry/report'
	);

	for (const id of ['trend-volume', 'trend-wait', 'trend-level', 'trend-ikm']) {
		await expect(page.getByTestId(`chart-${id}`).locator('canvas')).toBeVisible();
	}
	// twelve months by default, up to yesterday; the table's months add up to its total
	const months = await columnOf(page, 'trend-table', 2);
	expect(months.cells).toHaveLength(12);
	const issued = months.cells.map(int);
	// the generated history covers the last two months or so
	expect(issued.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
	expect(int(months.total)).toBe(issued.reduce((s, n) => s + n, 0));
	await expect(page.getByTestId('trend-table').locator('tfoot')).toContainText(/\d+,\d{2} \([ABCD]\)/);
	await page.screenshot({ path: shot('ministry-trends-1366'), fullPage: true });

	// weekly, for Bali only: the address carries the choice, the table holds only Denpasar's tickets
	await page.locator('select[name="granularity"]').selectOption('week');
	await page.getByLabel('Provinsi').selectOption('Bali');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/granularity=week/);
	await expect(page).toHaveURL(/province=Bali/);
	await expect(page.getByTestId('trends-scope')).toContainText('Bali');
	await expect(page.getByTestId('chart-trend-volume').locator('canvas')).toBeVisible();
	const weeks = await columnOf(page, 'trend-table', 2);
	expect(weeks.cells.length).toBeGreaterThanOrEqual(48);
	const bali = int(weeks.total);
	expect(bali).toBe(weeks.cells.map(int).reduce((s, n) => s + n, 0));
	expect(bali).toBeGreaterThan(0);
	expect(bali).toBeLessThan(int(months.total));
	await page.screenshot({ path: shot('ministry-trends-weekly-bali'), fullPage: true });
});

test('regions: bar charts and tables by province and time zone that add up', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, '/ministry/regions');
	await expect(page.getByRole('heading', { name: 'Per provinsi dan zona waktu' })).toBeVisible();
	for (const id of ['region-volume', 'region-wait', 'zone-volume']) {
		await expect(page.getByTestId(`chart-${id}`).locator('canvas')).toBeVisible();
	}
	const provinces = await columnOf(page, 'province-table', 1);
	expect(provinces.cells.sort()).toEqual(['Bali', 'Jawa Barat', 'Papua']);
	const provinceIssued = await columnOf(page, 'province-table', 3);
	const zoneIssued = await columnOf(page, 'zone-table', 3);
	expect((await columnOf(page, 'zone-table', 1)).cells).toEqual(['WIB', 'WIT', 'WITA']);
	const total = int(provinceIssued.total);
	expect(total).toBeGreaterThan(0);
	expect(provinceIssued.cells.map(int).reduce((s, n) => s + n, 0)).toBe(total);
	expect(int(zoneIssued.total)).toBe(total);
	await page.screenshot({ path: shot('ministry-regions-1366'), fullPage: true });

	// the period's total is the summary page's period total
	await tabs(page).getByRole('link', { name: 'Ringkasan' }).click();
	await expect(page).toHaveURL(/\/ministry$/);
	expect(int(await page.getByTestId('period-issued').textContent())).toBe(total);
});

test('the ranking shows each MPP’s size and filters by it', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await signIn(page, '/ministry');
	const ranking = page.getByTestId('ranking');
	await expect(ranking.locator('thead')).toContainText('Ukuran');
	const rows = ranking.locator('tbody tr');
	await expect(rows).toHaveCount(3);
	const sizeOf = async () =>
		Object.fromEntries(
			await rows.evaluateAll((trs) =>
				trs.map((tr) => [tr.getAttribute('data-slug'), tr.lastElementChild?.textContent?.trim()])
			)
		) as Record<string, string>;
	const before = await sizeOf();
	expect(Object.values(before).every((s) => ['Kecil', 'Sedang', 'Besar'].includes(s))).toBe(true);

	const value = { Kecil: 'small', Sedang: 'medium', Besar: 'large' } as const;
	const present = Object.values(before)[0] as keyof typeof value;
	await page.getByLabel('Ukuran MPP').selectOption(value[present]);
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(new RegExp(`size=${value[present]}`));
	const kept = Object.entries(before)
		.filter(([, size]) => size === present)
		.map(([slug]) => slug)
		.sort();
	await expect(rows).toHaveCount(kept.length);
	expect(Object.keys(await sizeOf()).sort()).toEqual(kept);
	await expect(page.getByLabel('Ukuran MPP')).toHaveValue(value[present]);
	await page.screenshot({ path: shot('ministry-size-filter'), fullPage: true });

	// a size no demo MPP has this month: the ranking says so
	const absent = (['small', 'medium', 'large'] as const).find(
		(s) => !Object.values(before).some((b) => value[b as keyof typeof value] === s)
	);
	if (absent) {
		await page.goto(`/ministry?size=${absent}`);
		await expect(ranking).toContainText('Tidak ada MPP yang cocok dengan saringan.');
	}
	// a made-up size is refused with a reason
	const response = await page.goto('/ministry?size=huge');
	expect(response?.status()).toBe(400);
	await expect(page.getByText('Periode atau saringan tidak sah')).toBeVisible();
});

test('distribution and grade changes render their histograms and lists', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, '/ministry/distribution');
	await expect(page.getByRole('heading', { name: 'Sebaran MPP dan pencilan' })).toBeVisible();
	for (const id of ['wait', 'ikm']) {
		await expect(page.getByTestId(`chart-spread-${id}`).locator('canvas')).toBeVisible();
		// three demo MPPs are too few for quartiles: the page says so instead of naming anyone
		await expect(page.getByTestId(`fences-${id}`)).toContainText('Terlalu sedikit MPP (3)');
	}
	await page.screenshot({ path: shot('ministry-distribution-1366'), fullPage: true });

	await tabs(page).getByRole('link', { name: 'Perubahan mutu' }).click();
	await expect(page.getByRole('heading', { name: 'MPP yang mutu IKM-nya berubah' })).toBeVisible();
	await expect(page.getByTestId('grades-compared')).toContainText('MPP memiliki mutu pada kedua bulan');
	await expect(page.getByTestId('grade-changes')).toBeVisible();
	await page.screenshot({ path: shot('ministry-grades-1366'), fullPage: true });
});
