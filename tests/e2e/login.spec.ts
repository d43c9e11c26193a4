// Signing in, as staff meet Antrean first: in Indonesian, with a clear error, landing on their page.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './demo';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

test('the login page speaks Indonesian to an Indonesian browser', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expect(page.getByRole('heading', { name: 'Masuk ke Antrean' })).toBeVisible();
	await expect(page.getByLabel('Email')).toBeVisible();
	await expect(page.getByLabel('Kata sandi', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Masuk', exact: true })).toBeVisible();
	await page.screenshot(shot('login-id'));
});

test('a wrong password is refused with a readable error', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('manager.bandung@antrean.test');
	await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-sandinya');
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page.getByText('Email atau kata sandi salah.')).toBeVisible();
	await expect(page).toHaveURL(/\/login/);
	await page.screenshot(shot('login-wrong-password'));
});

test('what a slow phone’s user types before the page has loaded is kept', async ({ page }) => {
	// hold the page's JavaScript back until both fields are typed, as on a slow connection
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('Email').fill('manager.bandung@antrean.test');
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Email')).toHaveValue('manager.bandung@antrean.test');
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page).toHaveURL(/\/manage\/bandung$/);
});

test('the demo manager signs in and lands on their MPP’s dashboard', async ({ page, context }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('manager.bandung@antrean.test');
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	await expect(page).toHaveURL(/\/manage\/bandung$/);
	const cookies = await context.cookies();
	expect(cookies.some((c) => c.httpOnly && c.value.length > 20)).toBe(true);
	await page.screenshot(shot('manager-landed'));
});

test('switching the language to English shows the login page in English', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('heading', { name: 'Sign in to Antrean' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.screenshot(shot('login-en'));
	// the choice is remembered on the next visit
	await page.goto('/login');
	await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
});

test('the liveness check answers 200', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
});
