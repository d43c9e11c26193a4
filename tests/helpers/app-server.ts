// The real production server (build/handler.js behind server/index.ts) in a child process,
// on a free port, against a test database: what API clients and browsers actually talk to.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/database';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface AppServer {
	url: string;
	/** the node process itself (benchmarks read its CPU and memory from /proc) */
	pid: number;
	/** what the process printed so far (a test shows it when a node went away) */
	output(): string;
	stop(): Promise<void>;
	/** kill -9: no drain, no goodbye, as a power cut or the OOM killer would */
	kill(): Promise<void>;
}

export async function startAppServer(
	databaseUrl: string,
	env: Record<string, string> = {}
): Promise<AppServer> {
	if (!existsSync(`${root}build/handler.js`)) {
		throw new Error('No production build: run `npm run build` first (npm test does it before the tests).');
	}
	const port = await freePort();
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: databaseUrl,
			PORT: String(port),
			HOST: '127.0.0.1',
			// adapter-node assumes https without ORIGIN; this server is plain http on loopback
			ORIGIN: `http://127.0.0.1:${port}`,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not answer /healthz within 60 s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		url,
		pid: child.pid!,
		output: () => (child.exitCode === null ? output : `${output}\n[exited with ${child.exitCode}]`),
		kill: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGKILL');
			}),
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				// SIGINT stops at once; SIGTERM would drain first (server/drain.ts), seconds per test file
				child.kill('SIGINT');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			})
	};
}

/** Signs in through the public API and returns the bearer token. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${url}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (response.status !== 200)
		throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { token: string }).token;
}
