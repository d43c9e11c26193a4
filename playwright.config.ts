// End-to-end tests in a real Chromium against the production build, served by tests/e2e/serve.ts
// on a fresh database seeded with the demo world. `npm test` builds first and sets CHROMIUM_PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { e2ePushCertificate } from './tests/e2e/push-certificate';
import { makePushCertificate } from './tests/helpers/push-service';

// Chosen once in the main process; the workers inherit it through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
	'-e',
	"const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
])
	.toString()
	.trim();
const port = Number(process.env.E2E_PORT);

// A spec's local push service (booking reminders, calls) must be trusted by the server from its start:
// its certificate is made here, once per run, before the server starts.
const push = e2ePushCertificate(port);
if (!existsSync(push.caFile)) {
	mkdirSync(push.dir, { recursive: true });
	makePushCertificate(push.dir);
}

const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: 'list',
	// a whole journey per test (sign-in, several pages, axe scans, full-page screenshots): the History
	// test took 30 s on a CI run where the machine was shared, so 30 s was a flake, not a finding. A hang
	// still fails, at a minute.
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${port}`,
		// the people Antrean serves: Indonesian browsers in Indonesian time
		locale: 'id-ID',
		timezoneId: 'Asia/Jakarta',
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				locale: 'id-ID',
				launchOptions: {
					executablePath,
					// Without the background-networking flags Chromium keeps dialling out on a closed network.
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		command: 'node --import tsx tests/e2e/serve.ts',
		url: `http://127.0.0.1:${port}/healthz`,
		// the ministry's live figures every second instead of five, so its test waits less
		env: {
			E2E_PORT: String(port),
			ANTREAN_MINISTRY_PULSE_MS: '1000',
			// the browsers' push services (closed network here), and the specs' own on loopback
			ANTREAN_PUSH_HOSTS: '127.0.0.1,fcm.googleapis.com,updates.push.services.mozilla.com,.push.apple.com',
			NODE_EXTRA_CA_CERTS: push.caFile,
			ANTREAN_NOTIFY_SWEEP_MS: '300'
		},
		reuseExistingServer: false,
		// initdb of an embedded PostgreSQL takes a while on a cold machine
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 }
	}
});
