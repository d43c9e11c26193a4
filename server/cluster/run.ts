// `npm run cluster`: one database, N nodes on free loopback ports, HAProxy in front on one port, the
// demo world seeded, so scale-out can be tried on one machine. Ctrl-C or SIGTERM stops all of it.
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createSql, type Sql } from '../../src/lib/server/db/client';
import { formatDemoBanner } from '../../src/lib/server/demo/banner';
import { demoTicketsPerWeekday } from '../../src/lib/server/demo/volume';
import { startSimulator, type Simulator } from '../../src/lib/server/simulator/simulator';
import { ensureBuild } from '../build';
import { freePort, startDatabase, type Database } from '../database';
import { seedDemoWorld } from '../demo-world';
import type { ClusterOptions } from './args';
import { findHaproxy, haproxyInstallHint, startHaproxy, type RunningHaproxy } from './haproxy';
import { startNode, type NodeProcess } from './node-process';

export class ClusterError extends Error {}

/** Every line of a child's output, prefixed with its name, so interleaved logs stay readable. */
function prefixed(name: string): (text: string) => void {
	return (text) => {
		for (const line of text.replace(/\n$/, '').split('\n')) console.log(`[${name}] ${line}`);
	};
}

/** The host a browser on this machine should use: cookies and the origin check want one name. */
function browserHost(host: string): string {
	return ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host) ? 'localhost' : host;
}

export async function runCluster(options: ClusterOptions): Promise<void> {
	const haproxyBinary = findHaproxy();
	if (!haproxyBinary) throw new ClusterError(haproxyInstallHint);
	if (!(await portIsFree(options.host, options.port))) {
		throw new ClusterError(
			`Port ${options.port} on ${options.host} is already in use: stop the other program or use --port N.`
		);
	}
	await ensureBuild();
	const dataDir = resolve(process.env.ANTREAN_DATA_DIR ?? '.antrean');
	const origin = process.env.ORIGIN || `http://${browserHost(options.host)}:${options.port}`;

	let database: Database | undefined;
	let nodes: NodeProcess[] = [];
	let haproxy: RunningHaproxy | undefined;
	let simulatorSql: Sql | undefined;
	let simulator: Simulator | undefined;
	let stopping = false;
	const stopAll = async () => {
		stopping = true;
		await simulator?.stop().catch(() => {});
		await simulatorSql?.end({ timeout: 5 }).catch(() => {});
		await haproxy?.stop().catch(() => {});
		// SIGINT: each node closes at once; draining only matters while others keep serving
		await Promise.all(nodes.map((node) => node.stop('SIGINT', 10_000).catch(() => null)));
		await database?.stop().catch(() => {});
	};
	const onSignal = (signal: string) => {
		if (stopping) return;
		console.log(`\n${signal}: stopping HAProxy, ${nodes.length} node(s) and the database…`);
		void stopAll().then(() => process.exit(0));
	};
	process.on('SIGINT', () => onSignal('SIGINT'));
	process.on('SIGTERM', () => onSignal('SIGTERM'));

	try {
		database = await startDatabase();
		// migrations run here once; each node's own run then finds nothing to do
		const devices = await seedDemoWorld(database, dataDir, false);
		const ports = await Promise.all(Array.from({ length: options.nodes }, () => freePort()));
		const env = {
			DATABASE_URL: database.url,
			ORIGIN: origin,
			// HAProxy adds X-Forwarded-For; the last entry is the client it saw
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1'
		};
		console.log(`Starting ${options.nodes} node(s)…`);
		nodes = await Promise.all(
			ports.map((port, i) =>
				startNode({ name: `node${i + 1}`, port, env, onOutput: prefixed(`node${i + 1}`) })
			)
		);
		// Ctrl-C in a terminal signals the whole process group: a child may see it and exit before this
		// process's own handler has run. So a child's exit is judged a moment later, once we know
		// whether we are stopping anyway.
		const judged = (report: () => void) => setTimeout(() => !stopping && report(), 500).unref();
		for (const node of nodes) {
			void node.exited.then((code) =>
				judged(() => console.log(`[${node.name}] exited (${code ?? 'signal'}); HAProxy routes around it`))
			);
		}
		haproxy = await startHaproxy({
			binary: haproxyBinary,
			port: options.port,
			bind: options.host,
			nodes: nodes.map((n) => ({ name: n.name, host: '127.0.0.1', port: n.port })),
			onOutput: prefixed('haproxy')
		});
		haproxy.process.once('exit', (code) =>
			judged(() => {
				console.error(`HAProxy exited (${code}): stopping the cluster.`);
				void stopAll().then(() => process.exit(1));
			})
		);
		await reportWhenUp(haproxy, nodes);

		if (options.simulate) {
			// its own pool in this process; what it changes reaches every node over the bus
			simulatorSql = createSql(database.url, 4);
			simulator = await startSimulator(simulatorSql, { speed: 1, ticketsPerWeekday: demoTicketsPerWeekday });
		}
		console.log(
			formatDemoBanner({
				baseUrl: origin,
				devices,
				database: database.embedded ? `embedded PostgreSQL 18 in ${dataDir}` : 'DATABASE_URL',
				simulator: simulator
					? simulator.describe()
					: 'Live simulator: off (--no-simulate); today stays as it is.'
			})
		);
		console.log(`  HAProxy (pid ${haproxy.process.pid}) on ${origin}, balancing over:`);
		for (const node of nodes) console.log(`    ${node.name}  ${node.url}  (pid ${node.process.pid})`);
		console.log('  A node stopped with `kill <pid>` drains first (SIGTERM); `kill -9` shows a crash.\n');
	} catch (error) {
		await stopAll();
		throw error;
	}
}

function portIsFree(host: string, port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, host, () => probe.close(() => resolve(true)));
	});
}

/** Waits for HAProxy's health checks (rise 2 × 1 s); says why when a node stays out. */
async function reportWhenUp(haproxy: RunningHaproxy, nodes: NodeProcess[]): Promise<void> {
	const deadline = Date.now() + 20_000;
	let states: Record<string, string> = {};
	while (Date.now() < deadline) {
		const stats = await haproxy.nodeStats();
		states = Object.fromEntries(Object.entries(stats).map(([name, stat]) => [name, stat.status]));
		if (nodes.every((n) => states[n.name] === 'UP')) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	for (const node of nodes.filter((n) => states[n.name] !== 'UP')) {
		const ready = await fetch(`${node.url}/readyz`).then(
			(r) => r.text(),
			(e: Error) => e.message
		);
		console.warn(`${node.name} is ${states[node.name] ?? 'unknown'} in HAProxy; its /readyz: ${ready}`);
	}
}
