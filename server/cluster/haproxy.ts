// HAProxy in front of given Antrean nodes, in the foreground: used by `npm run cluster` and by the
// cluster tests (tests/helpers/cluster.ts). The config is server/haproxy/antrean.cfg.template.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const templatePath = fileURLToPath(new URL('../haproxy/antrean.cfg.template', import.meta.url));

export const haproxyInstallHint =
	'HAProxy is not installed. Install it, then run this again:\n' +
	'  Debian/Ubuntu: sudo apt-get install -y haproxy\n' +
	'  macOS:         brew install haproxy\n' +
	'  or point HAPROXY_PATH at an haproxy binary (2.6 or later).';

/** The haproxy binary: HAPROXY_PATH, PATH, or Debian's /usr/sbin (not on a normal user's PATH). */
export function findHaproxy(env: Record<string, string | undefined> = process.env): string | undefined {
	if (env.HAPROXY_PATH) return existsSync(env.HAPROXY_PATH) ? env.HAPROXY_PATH : undefined;
	const onPath = spawnSync('/bin/sh', ['-c', 'command -v haproxy'], {
		encoding: 'utf8',
		env: { PATH: env.PATH ?? '' }
	});
	if (onPath.status === 0 && onPath.stdout.trim()) return onPath.stdout.trim();
	return ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy', '/opt/homebrew/sbin/haproxy'].find((path) =>
		existsSync(path)
	);
}

export interface BackendNode {
	name: string;
	host: string;
	port: number;
}

export interface HaproxyOptions {
	/** the one public port */
	port: number;
	/** default 127.0.0.1; 0.0.0.0 lets other machines in */
	bind?: string;
	nodes: BackendNode[];
}

export async function renderHaproxyConfig(
	options: HaproxyOptions & { statsSocket: string }
): Promise<string> {
	const template = await readFile(templatePath, 'utf8');
	const servers = options.nodes
		.map((node) => `\tserver ${node.name} ${node.host}:${node.port} check`)
		.join('\n');
	return template
		.replace('{{BIND}}', options.bind ?? '127.0.0.1')
		.replace('{{PORT}}', String(options.port))
		.replace('{{STATS_SOCKET}}', options.statsSocket)
		.replace('{{SERVERS}}', servers);
}

export interface RunningHaproxy {
	url: string;
	process: ChildProcess;
	/** everything haproxy printed (alerts, "Server nodes/node1 is DOWN") */
	output(): string;
	/** each node's state as HAProxy's health checks see it, and what HAProxy had to retry */
	nodeStats(): Promise<Record<string, NodeStat>>;
	stop(): Promise<void>;
}

/** Starts haproxy in the foreground (-db) and resolves once its port accepts connections. */
export async function startHaproxy(
	options: HaproxyOptions & { binary?: string; onOutput?: (text: string) => void }
): Promise<RunningHaproxy> {
	const binary = options.binary ?? findHaproxy();
	if (!binary) throw new Error(haproxyInstallHint);
	const dir = await mkdtemp(join(tmpdir(), 'antrean-haproxy-'));
	const configPath = join(dir, 'haproxy.cfg');
	const statsSocket = join(dir, 'admin.sock');
	await writeFile(configPath, await renderHaproxyConfig({ ...options, statsSocket }));
	const child = spawn(binary, ['-db', '-f', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk;
		options.onOutput?.(String(chunk));
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		await rm(dir, { recursive: true, force: true });
	};
	const host = !options.bind || options.bind === '0.0.0.0' ? '127.0.0.1' : options.bind;
	const deadline = Date.now() + 10_000;
	while (!(await accepts(host, options.port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`haproxy did not start (config ${configPath}):\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		url: `http://${host}:${options.port}`,
		process: child,
		output: () => output,
		nodeStats: () => nodeStats(statsSocket),
		stop
	};
}

export interface NodeStat {
	/** UP, DOWN, "UP 1/2" (going down), "DOWN 1/2" (coming up), MAINT */
	status: string;
	/** requests HAProxy sent again after this node failed them (retry-on) */
	retries: number;
	/** of those, sent to another node instead */
	redispatches: number;
	/** connections to this node that failed */
	connectionErrors: number;
	/** answers from this node that broke off or never came */
	responseErrors: number;
}

/** `show stat` over the admin socket: HAProxy's CSV, one row per backend server. */
async function nodeStats(statsSocket: string): Promise<Record<string, NodeStat>> {
	const csv = await new Promise<string>((resolve, reject) => {
		let text = '';
		const socket = connect(statsSocket);
		socket.once('connect', () => socket.write('show stat\n'));
		socket.on('data', (chunk) => (text += chunk));
		socket.once('end', () => resolve(text));
		socket.once('error', reject);
	});
	const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
	const columns = header.split(',');
	const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
	const stats: Record<string, NodeStat> = {};
	for (const row of rows.map((r) => r.split(','))) {
		if (at(row, 'pxname') !== 'nodes' || at(row, 'svname') === 'BACKEND') continue;
		stats[at(row, 'svname')] = {
			status: at(row, 'status'),
			retries: Number(at(row, 'wretr')) || 0,
			redispatches: Number(at(row, 'wredis')) || 0,
			connectionErrors: Number(at(row, 'econ')) || 0,
			responseErrors: Number(at(row, 'eresp')) || 0
		};
	}
	return stats;
}

function accepts(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host, port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
