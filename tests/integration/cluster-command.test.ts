// Issue 11: `npm run cluster -- --nodes 2` as a person runs it: HAProxy answers /readyz on one port,
// a ticket can be issued through it, and Ctrl-C (SIGINT to the whole process group, as a terminal
// sends it) leaves no process behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../server/database';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/profile';
import { signIn } from '../helpers/app-server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const root = fileURLToPath(new URL('../../', import.meta.url));
let db: TestDatabase;
let dataDir: string;
let cluster: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
	// not migrated: the command runs the migrations once, before its nodes start
	db = await createTestDatabase({ migrate: false });
	dataDir = mkdtempSync(join(tmpdir(), 'antrean-cluster-'));
	chmodSync(dataDir, 0o755);
});

afterAll(async () => {
	if (cluster?.pid && alive(-cluster.pid)) process.kill(-cluster.pid, 'SIGKILL');
	await db?.drop();
	rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function until(check: () => boolean, what: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}\n${output.slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

it('starts 2 nodes behind HAProxy, issues a ticket through it, and Ctrl-C stops every process', async () => {
	const port = await freePort();
	cluster = spawn('npm', ['run', 'cluster', '--', '--nodes', '2', '--port', String(port), '--no-simulate'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: db.url, ANTREAN_DATA_DIR: dataDir, HOST: '127.0.0.1' },
		// its own process group, like a terminal's foreground job
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	cluster.stdout?.on('data', (chunk) => (output += chunk));
	cluster.stderr?.on('data', (chunk) => (output += chunk));
	await until(
		() => output.includes('balancing over') || cluster?.exitCode !== null,
		'the cluster is up',
		170_000
	);
	expect(cluster.exitCode, output.slice(-4000)).toBeNull();

	const base = `http://127.0.0.1:${port}`;
	const nodeUrls = [...output.matchAll(/node\d +(http:\/\/\S+) +\(pid (\d+)\)/g)];
	expect(nodeUrls).toHaveLength(2);
	const haproxyPid = Number(output.match(/HAProxy \(pid (\d+)\)/)?.[1]);
	const pids = [haproxyPid, ...nodeUrls.map((m) => Number(m[2]))];
	expect(output).toContain(`http://localhost:${port}/login`);

	const ready = await fetch(`${base}/readyz`);
	expect(await ready.json()).toEqual({ status: 'ready' });
	for (const [, url] of nodeUrls) expect((await fetch(`${url}/readyz`)).status).toBe(200);

	const token = await signIn(base, 'manager.bandung@antrean.test', DEMO_PASSWORD);
	const auth = { authorization: `Bearer ${token}` };
	const listed = await fetch(`${base}/api/v1/mpps/bandung/services`, { headers: auth });
	const { services } = (await listed.json()) as { services: { id: string }[] };
	const issued = await fetch(`${base}/api/v1/mpps/bandung/tickets`, {
		method: 'POST',
		headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
		body: JSON.stringify({ serviceId: services[0].id })
	});
	expect(issued.status).toBe(201);
	const ticket = (await issued.json()) as { id: string };
	const [row] = await db.sql<
		{ count: number }[]
	>`SELECT count(*) AS count FROM tickets WHERE id = ${ticket.id}`;
	expect(row.count).toBe(1);

	const group = -cluster.pid!;
	process.kill(group, 'SIGINT');
	await until(() => !alive(group), 'every process of the group ended', 30_000);
	for (const pid of pids) expect(alive(pid), `pid ${pid} still runs`).toBe(false);
	// npm re-raises the SIGINT it got, as a shell expects of a job stopped with Ctrl-C
	expect(cluster.exitCode === 0 || cluster.signalCode === 'SIGINT').toBe(true);
	expect(output).toContain('SIGINT: stopping HAProxy, 2 node(s) and the database');
	// no node or HAProxy died on its own, nothing threw
	expect(output).not.toMatch(/exited \(|Error:/);
	await expect(fetch(`${base}/healthz`)).rejects.toThrow();
}, 240_000);

it('without haproxy says how to install it and exits non-zero', async () => {
	const missing = spawnSync('npm', ['run', 'cluster', '--', '--nodes', '2'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: db.url, HAPROXY_PATH: join(dataDir, 'no-haproxy-here') },
		encoding: 'utf8',
		timeout: 60_000
	});
	expect(missing.status).toBe(1);
	expect(missing.stderr).toContain('apt-get install -y haproxy');
	expect(missing.stderr).toContain('brew install haproxy');
});
