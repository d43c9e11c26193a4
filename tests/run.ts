// `npm test`: everything a developer and CI run, in order, failing fast:
// find (or install) a Chromium and HAProxy → production build → vitest (unit + integration) → Playwright.
// Ends with one "N passed, N failed" line for the whole run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { findHaproxy, haproxyInstallHint } from '../server/cluster/haproxy';

const root = fileURLToPath(new URL('../', import.meta.url));
const totals = { passed: 0, failed: 0, skipped: 0 };

async function playwrightChromium(): Promise<string | undefined> {
	try {
		const { chromium } = await import('@playwright/test');
		const path = chromium.executablePath();
		return existsSync(path) ? path : undefined;
	} catch {
		return undefined;
	}
}

async function findChromium(): Promise<string | undefined> {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		console.warn(`CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere.`);
	}
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return playwrightChromium();
}

function commandExists(name: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function installChromium(): Promise<string | undefined> {
	if (process.getuid?.() === 0 && commandExists('apt-get')) {
		console.log('No Chromium found: installing Debian’s chromium package (apt-get)…');
		const ok =
			spawnSync('apt-get', ['update'], { stdio: 'inherit' }).status === 0 &&
			spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit' }).status === 0;
		if (ok && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	}
	console.log('No Chromium found: trying `npx playwright install chromium`…');
	spawnSync('npx', ['playwright', 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
	return playwrightChromium();
}

/** The cluster tests (issue 11) put real HAProxy in front of real nodes. */
function installHaproxy(): string | undefined {
	if (process.getuid?.() === 0 && commandExists('apt-get')) {
		console.log('No HAProxy found: installing Debian’s haproxy package (apt-get)…');
		const ok =
			spawnSync('apt-get', ['update'], { stdio: 'inherit' }).status === 0 &&
			spawnSync('apt-get', ['install', '-y', 'haproxy'], { stdio: 'inherit' }).status === 0;
		if (ok) return findHaproxy();
	}
	return undefined;
}

const count = (line: string, word: string) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);

/** Adds the counts of a finished runner's summary to the run's totals. */
function tally(step: string, output: string) {
	const lines = stripVTControlCharacters(output).split('\n');
	if (step === 'vitest') {
		// "      Tests  2 failed | 40 passed | 1 skipped (43)"
		const line = lines.find((l) => /^\s*Tests\s+\d/.test(l));
		if (!line) return;
		totals.passed += count(line, 'passed');
		totals.failed += count(line, 'failed');
		totals.skipped += count(line, 'skipped');
	} else if (step === 'playwright') {
		// "  5 passed (10.2s)", "  1 failed", "  2 flaky", "  1 skipped", each on its own line
		for (const line of lines) {
			if (/^\s+\d+ passed/.test(line)) totals.passed += count(line, 'passed');
			if (/^\s+\d+ (failed|flaky)/.test(line)) totals.failed += count(line, 'failed') + count(line, 'flaky');
			if (/^\s+\d+ skipped/.test(line)) totals.skipped += count(line, 'skipped');
		}
	}
}

/** Runs one step with its output streamed through, and returns its exit code. */
function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	console.log(`\n━━━ ${step}: ${command} ${args.join(' ')}\n`);
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk;
			process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
		child.once('error', (error) => {
			console.error(`${step}: ${error.message}`);
			resolve(1);
		});
		child.once('close', (code, signal) => {
			tally(step, output);
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

function summary(failedStep?: string) {
	if (failedStep) {
		console.log(`\nnpm test stopped: ${failedStep} failed.`);
		// a build error or a suite that fails to load reports no failed test; the run still failed
		totals.failed ||= 1;
	}
	const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
	console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
}

async function main() {
	const chromium = (await findChromium()) ?? (await installChromium());
	if (!chromium) {
		console.error(
			'No Chromium for the end-to-end tests. Install one, then run npm test again:\n' +
				'  Debian/Ubuntu: sudo apt-get install chromium\n' +
				'  elsewhere:     npx playwright install chromium\n' +
				'  or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		);
		process.exit(1);
	}
	console.log(`Chromium: ${chromium}`);
	const haproxy = findHaproxy() ?? installHaproxy();
	if (!haproxy) {
		console.error(`No HAProxy for the cluster tests. ${haproxyInstallHint}`);
		process.exit(1);
	}
	console.log(`HAProxy: ${haproxy}`);
	const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromium, HAPROXY_PATH: haproxy };
	if (process.stdout.isTTY) env.FORCE_COLOR = '1';

	// The build comes first: integration tests and Playwright both run the production server.
	const steps: [string, string, string[]][] = [
		['build', 'npx', ['vite', 'build']],
		['vitest', 'npx', ['vitest', 'run']],
		['playwright', 'npx', ['playwright', 'test']]
	];
	for (const [step, command, args] of steps) {
		const code = await run(step, command, args, env);
		if (code !== 0) {
			summary(step);
			process.exit(code);
		}
	}
	summary();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
