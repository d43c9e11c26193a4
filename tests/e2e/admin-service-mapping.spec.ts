// An MPP admin maps a service to the national catalogue (issue 14): a service not mapped yet is
// flagged in the list; its editor offers the best match and applies it only when asked; saved, the
// list names the standard service. Denpasar's SKCK is unmapped for this test and mapped back after.
import { expect, test } from '@playwright/test';
import { e2eSql, signInAt } from './demo';

let skckId = '';

test.beforeAll(async () => {
	const sql = e2eSql();
	try {
		const [row] = await sql<{ id: string }[]>`
			UPDATE services SET standard_code = NULL
			WHERE code = 'SKCK' AND mpp_id = (SELECT id FROM mpps WHERE slug = 'denpasar') RETURNING id`;
		skckId = row.id;
	} finally {
		await sql.end();
	}
});
test.afterAll(async () => {
	const sql = e2eSql();
	try {
		await sql`UPDATE services SET standard_code = 'SKCK' WHERE id = ${skckId}`;
	} finally {
		await sql.end();
	}
});

test('the admin sees an unmapped service, takes the suggested standard service and saves it', async ({
	page
}) => {
	await signInAt(page, '/admin/denpasar/services', 'manager.denpasar@antrean.test');
	const row = page.getByTestId('services').getByRole('row').filter({ hasText: 'SKCK' });
	await expect(row.getByText('Belum dipetakan')).toBeVisible();

	await page.goto(`/admin/denpasar/services?service=${skckId}`);
	const select = page.getByLabel('Layanan standar nasional');
	await expect(select).toHaveValue('');
	// offered, not applied
	await expect(page.getByText('Saran: Surat Keterangan Catatan Kepolisian (SKCK) (Polri)')).toBeVisible();
	await expect(select).toHaveValue('');
	await page.getByRole('button', { name: 'Pakai saran ini' }).click();
	await expect(select).toHaveValue('SKCK');
	await page.getByRole('button', { name: 'Simpan' }).click();

	await expect(page).toHaveURL(/\/admin\/denpasar\/services\?saved/);
	await expect(row).toContainText('Surat Keterangan Catatan Kepolisian (SKCK)');
	await expect(row.getByText('Belum dipetakan')).toHaveCount(0);
});
