// What the e2e tests know about the seeded demo world.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import postgres from 'postgres';
import type { DemoDevices } from '../../src/lib/server/demo/devices';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/profile';

export { DEMO_PASSWORD };

/** Where tests/e2e/serve.ts leaves the demo's device tokens for the run on that port. */
export const e2eDevicesFile = (port: number) => join(tmpdir(), `antrean-e2e-devices-${port}.json`);

/** Where tests/e2e/serve.ts leaves the URL of its fresh database, for tests that set up a situation. */
export const e2eDatabaseFile = (port: number) => join(tmpdir(), `antrean-e2e-database-${port}.txt`);

/** A small pool on the e2e database (end it in afterAll): for situations no API creates, such as a quota. */
export function e2eSql(): postgres.Sql {
	const url = readFileSync(e2eDatabaseFile(Number(process.env.E2E_PORT)), 'utf8').trim();
	return postgres(url, { max: 1, onnotice: () => {} });
}

/** The plain display, kiosk and survey-tablet tokens of a demo MPP, for pages that pair a device. */
export function deviceTokens(slug: string): DemoDevices['tokens'] {
	const file = e2eDevicesFile(Number(process.env.E2E_PORT));
	const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, DemoDevices['tokens']>;
	return saved[slug];
}

/**
 * Opens `path` signed out (or `/login` itself), signs in as a demo user on the login page, and waits
 * until the login page is left: for `path` through its redirect, or the user's home.
 */
export async function signInAt(page: Page, path: string, email: string): Promise<void> {
	await page.goto(path);
	await expect(page).toHaveURL(/\/login(\?redirectTo=|$)/);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Masuk', exact: true }).click();
	// argon2 and a dashboard's first load take a while on a loaded machine
	await expect(page).not.toHaveURL(/\/login/, { timeout: 15_000 });
}

/** Clicks a download link and reads the file it saves, as CSV lines. */
export async function downloaded(page: Page, link: string): Promise<string[]> {
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: link }).click();
	return readFileSync((await (await download).path())!, 'utf8')
		.trim()
		.split('\r\n');
}
