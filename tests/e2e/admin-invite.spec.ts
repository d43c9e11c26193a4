// Issue 6, the rest of "People" and "Devices" in a real Chromium: an MPP's admin invites a person, who
// opens the link in a browser of their own, chooses a password and lands signed in; the superadmin
// invites a national user; a TV that is renamed and then revoked says so and offers to pair again.
// Only people and a TV are added to the shared demo database; no MPP, no demo device is changed.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './demo';

const shot = (name: string) => `test-results/screenshots/${name}.png`;
const slug = 'bandung';
const unique = Date.now().toString(36);

async function signIn(browser: Browser, email: string, path: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
	const page = await context.newPage();
	await page.goto(`/login?redirectTo=${encodeURIComponent(path)}`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await page.waitForURL((url) => url.pathname.startsWith('/admin'));
	return page;
}

test('an admin invites a person, who chooses a password from the link and lands signed in', async ({
	browser
}) => {
	const admin = await signIn(browser, `manager.${slug}@antrean.test`, `/admin/${slug}/people`);
	await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await admin.getByRole('link', { name: 'Tambah pengguna' }).click();
	await admin.getByLabel('Nama', { exact: true }).fill('Rahmat Hidayat');
	await admin.getByLabel('Email').fill(`rahmat.${unique}@antrean.test`);
	await admin.getByLabel('Peran').selectOption('supervisor');
	await admin.getByLabel(/Kirim tautan undangan/).check();
	// no password to hand over: the field is gone
	await expect(admin.getByLabel('Kata sandi awal', { exact: true })).toBeHidden();
	await admin.getByRole('button', { name: 'Simpan' }).click();

	const shown = admin.getByTestId('invite-link');
	await expect(shown.getByRole('heading', { name: 'Tautan undangan untuk Rahmat Hidayat' })).toBeVisible();
	const link = await shown.getByLabel('Tautan').inputValue();
	expect(link).toMatch(/\/invite\/[a-z2-7]{32}$/);
	await shown.getByRole('button', { name: 'Salin tautan' }).click();
	await expect(shown.getByText('Tautan tersalin.')).toBeVisible();
	expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
	const row = admin.getByTestId('people').getByRole('row', { name: /Rahmat Hidayat/ });
	await expect(row.getByText('Undangan belum diterima')).toBeVisible();
	await admin.screenshot({ path: shot('admin-invite-link'), fullPage: true });

	// the person, in a browser of their own
	const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'id-ID' });
	const person = await context.newPage();
	await person.goto(link);
	await expect(person.getByRole('heading', { name: 'Selamat datang, Rahmat Hidayat' })).toBeVisible();
	await person.getByLabel('Kata sandi', { exact: true }).fill('sandi-rahmat-2026');
	await person.getByLabel('Ulangi kata sandi').fill('sandi-rahmat-2025');
	await person.getByRole('button', { name: 'Simpan dan masuk' }).click();
	await expect(person.getByText('Kedua kata sandi tidak sama.')).toBeVisible();
	await person.screenshot({ path: shot('invite-choose-password'), fullPage: true });
	await person.getByLabel('Kata sandi', { exact: true }).fill('sandi-rahmat-2026');
	await person.getByLabel('Ulangi kata sandi').fill('sandi-rahmat-2026');
	await person.getByRole('button', { name: 'Simpan dan masuk' }).click();
	// a supervisor's home is the MPP's dashboard, signed in by name
	await expect(person).toHaveURL(new RegExp(`/manage/${slug}$`));
	await expect(person.getByText('Rahmat Hidayat')).toBeVisible();

	// the link is spent; an unknown one is explained too (never a 500)
	await person.goto(link);
	await expect(person.getByRole('heading', { name: 'Tautan ini sudah dipakai' })).toBeVisible();
	const unknown = await person.goto('/invite/tautan-yang-tidak-ada');
	expect(unknown?.status()).toBe(200);
	await expect(person.getByRole('heading', { name: 'Tautan ini tidak dikenal' })).toBeVisible();
	await context.close();

	await admin.reload();
	await expect(row.getByText('Undangan belum diterima')).toHaveCount(0);
	await admin.context().close();
});

test('the superadmin invites a ministry user; an MPP’s admin cannot reach national users', async ({
	browser
}) => {
	const superadmin = await signIn(browser, 'admin@antrean.test', '/admin');
	await superadmin.getByRole('link', { name: 'Pengguna nasional' }).click();
	await expect(superadmin.getByRole('heading', { name: 'Pengguna nasional' })).toBeVisible();
	await superadmin.getByRole('link', { name: 'Tambah pengguna nasional' }).click();
	await expect(superadmin.getByLabel('Peran').locator('option')).toHaveText([
		'Kementerian',
		'Administrator sistem'
	]);
	await superadmin.getByLabel('Nama', { exact: true }).fill('Sri Kementerian');
	await superadmin.getByLabel('Email').fill(`sri.${unique}@kemenpan.test`);
	await superadmin.getByLabel(/Kirim tautan undangan/).check();
	await superadmin.getByRole('button', { name: 'Simpan' }).click();
	await expect(
		superadmin.getByRole('heading', { name: 'Tautan undangan untuk Sri Kementerian' })
	).toBeVisible();
	const row = superadmin.getByTestId('national-people').getByRole('row', { name: /Sri Kementerian/ });
	await expect(row.getByText('Kementerian', { exact: true })).toBeVisible();
	await expect(row.getByText('Undangan belum diterima')).toBeVisible();
	await superadmin.screenshot({ path: shot('admin-national-people'), fullPage: true });
	await superadmin.context().close();

	const admin = await signIn(browser, `manager.${slug}@antrean.test`, `/admin/${slug}`);
	const refused = await admin.goto('/admin/people');
	expect(refused?.status()).toBe(403);
	await admin.context().close();
});

test('a renamed TV, once revoked, says so and offers to pair again', async ({ browser }) => {
	const tvContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
	const tv = await tvContext.newPage();
	await tv.addInitScript(() => localStorage.setItem('antrean.display.sound', 'off'));
	await tv.goto(`/display/${slug}`);
	await tv.getByRole('link', { name: 'Tampilkan kode pemasangan' }).click();
	const code = (await tv.getByTestId('pairing-code').innerText()).replace(/\s/g, '');

	const admin = await signIn(browser, `manager.${slug}@antrean.test`, `/admin/${slug}/devices`);
	await admin.getByLabel('Kode pada layar perangkat').fill(code);
	await admin.getByLabel('Nama perangkat').fill(`TV Uji ${unique}`);
	await admin.getByRole('button', { name: 'Pasangkan perangkat' }).click();
	await expect(tv).toHaveURL(new RegExp(`/display/${slug}$`), { timeout: 15_000 });
	await expect(tv.getByText('Tersambung')).toBeVisible({ timeout: 15_000 });

	// rename it
	await admin.reload();
	let row = admin.getByTestId('devices').getByRole('row', { name: new RegExp(`TV Uji ${unique}`) });
	await row.getByText('Ubah nama').click();
	await row.getByLabel(`Nama baru untuk TV Uji ${unique}`).fill(`TV Aula ${unique}`);
	await row.getByRole('button', { name: 'Simpan' }).click();
	await expect(admin.getByText('Perubahan tersimpan.')).toBeVisible();
	row = admin.getByTestId('devices').getByRole('row', { name: new RegExp(`TV Aula ${unique}`) });
	await expect(row).toBeVisible();

	// revoke it: the TV stops "reconnecting" and says what happened
	admin.once('dialog', (dialog) => dialog.accept());
	await row.getByRole('button', { name: 'Cabut' }).click();
	await expect(row.getByText('Dicabut')).toBeVisible();
	const revoked = tv.getByTestId('device-revoked');
	await expect(revoked.getByRole('heading', { name: 'Perangkat ini dicabut — pasangkan ulang' })).toBeVisible(
		{
			timeout: 15_000
		}
	);
	await tv.screenshot({ path: shot('display-revoked') });
	// a reload (a TV switched off and on) says the same, from the server
	const reloaded = await tv.reload();
	expect(reloaded?.status()).toBe(403);
	await expect(
		revoked.getByRole('heading', { name: 'Perangkat ini dicabut — pasangkan ulang' })
	).toBeVisible();
	await revoked.getByRole('link', { name: 'Tampilkan kode pemasangan' }).click();
	await expect(tv.getByTestId('pairing-code')).toBeVisible();

	// the audit names the rename and the revoke
	await admin.goto(`/admin/${slug}/audit?q=${encodeURIComponent(`TV Aula ${unique}`)}`);
	await expect(admin.getByText('dicabut').first()).toBeVisible();
	await admin.context().close();
	await tvContext.close();
});
