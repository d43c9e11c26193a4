// The ministry's drill-down and weekly report as the ministry uses them (issue 5): from the ranking into
// an MPP's dashboard, read-only (a notice, no ticket numbers, no staff names, no live staff room, the
// way back to /ministry); and the weekly visit report of the three demo MPPs (WIB, WITA, WIT) read on
// screen, filtered, downloaded as CSV and printed on A4 landscape.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { localDate } from '../../src/lib/domain/local-day';
import { addDays } from '../../src/lib/domain/zoned-time';
import { createSql } from '../../src/lib/server/db/client';
import { generateHistory } from '../../src/lib/server/history/generate';
import { callNext, issueTicket } from '../../src/lib/server/queue';
import { e2eDatabaseFile, signInAt } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
/** id-ID integers ("1.234") back to numbers */
const int = (text: string | null) => Number((text ?? '').trim().replace(/\./g, ''));
const sizes: Record<string, number> = { bandung: 150, denpasar: 80, jayapura: 35 };

/** the ticket a Bandung counter is calling while the ministry looks, and Bandung's staff names */
let calling: { number: string };
let staffNames: string[] = [];

test.beforeAll(async () => {
	test.setTimeout(180_000);
	const sql = createSql(readFileSync(e2eDatabaseFile(Number(process.env.E2E_PORT)), 'utf8').trim(), 2);
	try {
		const mpps = await sql<{ id: string; slug: string; timezone: string }[]>`
			SELECT id, slug, timezone FROM mpps WHERE slug IN ('bandung', 'denpasar', 'jayapura')`;
		for (const mpp of mpps) {
			const today = localDate(new Date(), mpp.timezone);
			// five weeks up to yesterday: the report's last 4 complete weeks, whatever today is
			await generateHistory(sql, {
				mppId: mpp.id,
				from: addDays(today, -36),
				to: addDays(today, -1),
				ticketsPerWeekday: sizes[mpp.slug],
				seed: 31
			});
		}
		const bandung = mpps.find((m) => m.slug === 'bandung')!;
		const [counter] = await sql<{ id: string; serviceId: string }[]>`
			SELECT c.id, cs.service_id AS "serviceId" FROM counters c
			JOIN counter_services cs ON cs.counter_id = c.id
			WHERE c.mpp_id = ${bandung.id} ORDER BY c.name LIMIT 1`;
		await sql`UPDATE counters SET status = 'open' WHERE id = ${counter.id}`;
		const issued = await issueTicket(sql, { mppId: bandung.id, serviceId: counter.serviceId, actor: {} });
		const called = await callNext(sql, { counterId: counter.id, actor: {} });
		calling = called.ticket ?? issued.ticket;
		staffNames = (await sql<{ name: string }[]>`SELECT name FROM users WHERE mpp_id = ${bandung.id}`).map(
			(u) => u.name
		);
	} finally {
		await sql.end();
	}
});

const signIn = (page: Page, path: string) => signInAt(page, path, 'ministry@antrean.test');

test('the ministry opens an MPP from the ranking and reads its dashboard, read-only', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, '/ministry');
	// /ministry follows the ministry room; the MPP's dashboard follows that MPP's figures room only
	const joins: string[] = [];
	page.on('websocket', (socket) =>
		socket.on('framesent', ({ payload }) => {
			if (String(payload).includes('"room:join"')) joins.push(String(payload));
		})
	);
	await page.getByTestId('ranking').getByRole('link', { name: 'Mal Pelayanan Publik Kota Bandung' }).click();
	await expect(page).toHaveURL(/\/manage\/bandung$/);

	const notice = page.getByTestId('read-only-notice');
	await expect(notice).toContainText('Tampilan hanya-baca Kementerian PANRB');
	await expect(page.getByRole('heading', { name: 'Pemantauan langsung' })).toBeVisible();
	await expect(page.getByTestId('connection')).toHaveText('Terhubung');
	// the counter at work says that it calls, not whom
	await expect(
		page.getByTestId('counter-ticket').filter({ hasText: 'Memanggil tiket' }).first()
	).toBeVisible();
	const text = await page.locator('body').innerText();
	expect(text).not.toContain(calling.number);
	for (const name of staffNames) expect(text).not.toContain(name);
	await page.screenshot({ path: shot('ministry-drilldown-live'), fullPage: true });

	await page.getByRole('link', { name: 'Riwayat' }).click();
	await expect(page).toHaveURL(/\/manage\/bandung\/history/);
	await expect(notice).toBeVisible();
	await expect(page.locator('canvas').first()).toBeVisible();
	await page.screenshot({ path: shot('ministry-drilldown-history'), fullPage: true });

	await page.getByRole('link', { name: 'Laporan', exact: true }).click();
	await expect(page.getByTestId('report')).toBeVisible();
	await expect(notice).toBeVisible();

	// the read-only view never asked for the staff room (it carries tickets); the way back is there
	expect(joins.some((frame) => frame.includes('"figures"'))).toBe(true);
	expect(joins.filter((frame) => !/"room":"(ministry|figures)"/.test(frame))).toEqual([]);
	await notice.getByRole('link', { name: 'Kembali ke statistik nasional' }).click();
	await expect(page).toHaveURL(/\/ministry$/);
});

test('the weekly visit report adds up, downloads as CSV and prints on A4 landscape', async ({ page }) => {
	await page.setViewportSize({ width: 1366, height: 900 });
	await signIn(page, '/ministry/report');
	const table = page.getByTestId('weekly-table');
	await expect(table.locator('tbody tr')).toHaveCount(3);
	await expect(table.locator('thead th.week')).toHaveCount(5); // 4 weeks and the total
	const api = (await (await page.request.get('/api/v1/stats/weekly-visits')).json()) as {
		fromWeek: string;
		toWeek: string;
		rows: { slug: string; issued: number; served: number }[];
		total: { issued: number };
	};
	const slugs = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.slug));
	expect(slugs).toEqual(api.rows.map((r) => r.slug));
	const rowTotals = (await table.getByTestId('row-issued').allTextContents()).map(int);
	expect(rowTotals).toEqual(api.rows.map((r) => r.issued));
	expect(rowTotals.every((n) => n > 0)).toBe(true);
	expect(int(await table.getByTestId('total-issued').textContent())).toBe(api.total.issued);
	await expect(page.locator('input[name="from"]')).toHaveValue(api.fromWeek);
	await page.screenshot({ path: shot('ministry-report-screen'), fullPage: true });

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh CSV' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		/^antrean-weekly-visits-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/
	);
	const [head, ...lines] = readFileSync((await file.path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(head.split(',').slice(0, 7)).toEqual([
		'mpp_id',
		'slug',
		'name',
		'province',
		'city',
		'zone',
		`${api.fromWeek}_issued`
	]);
	expect(lines).toHaveLength(4);
	expect(lines.at(-1)).toMatch(new RegExp(`^total,.*,${api.total.issued},\\d+$`));

	// one time zone through the form: only Denpasar (WITA) is left
	await page.getByLabel('Zona waktu').selectOption('WITA');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(page).toHaveURL(/zone=WITA/);
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await expect(table.locator('tbody tr')).toHaveAttribute('data-slug', 'denpasar');
	await page.getByLabel('Zona waktu').selectOption('');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(table.locator('tbody tr')).toHaveCount(3);

	// printed: the sheet alone, on one A4 landscape page
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 1123, height: 794 });
	await expect(page.getByRole('button', { name: 'Cetak' })).toBeHidden();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await page.screenshot({ path: shot('ministry-report-print'), fullPage: true });
	const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).toHaveLength(1);
	// A4 landscape: 842 × 595 points
	const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
	expect(box).not.toBeNull();
	expect(Math.round(Number(box![1]))).toBe(842);
	expect(Math.round(Number(box![2]))).toBe(595);
});
