// What the e2e tests know about the seeded demo world.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { DemoDevices } from '../../src/lib/server/demo/devices';

export { DEMO_PASSWORD } from '../../src/lib/server/demo/profile';

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
