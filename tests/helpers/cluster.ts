// N real Antrean nodes (child processes, as `npm start` runs them) behind a real HAProxy, on one test
// database: what the fault tests of issue 11 stand on (rolling restart, node kill, database restart).
//
//   const cluster = await startCluster(db.url, { nodes: 3 });
//   await cluster.nodes[1].stop('SIGKILL');      // a crash; 'SIGTERM' drains (server/drain.ts)
//   await cluster.waitForState(1, 'DOWN');       // as HAProxy's health checks see it
//   await cluster.restart(1);                    // same port, back when HAProxy sees it UP
//   await cluster.haproxy.nodeStats();           // retries, redispatches, errors per node
import { freePort } from '../../server/database';
import { startHaproxy, type RunningHaproxy } from '../../server/cluster/haproxy';
import { startNode, type NodeProcess } from '../../server/cluster/node-process';

export interface TestCluster {
	/** HAProxy's address: what clients use */
	url: string;
	haproxy: RunningHaproxy;
	/** by index; a restarted node replaces its entry */
	nodes: NodeProcess[];
	/** starts node i again on its port (after it stopped) and waits until HAProxy sees it UP */
	restart(i: number): Promise<NodeProcess>;
	/** waits until HAProxy's health checks see node i in `state` (UP, DOWN, …) */
	waitForState(i: number, state: string, timeoutMs?: number): Promise<void>;
	stop(): Promise<void>;
}

export interface ClusterOptions {
	nodes: number;
	/** extra environment for every node, e.g. ANTREAN_DRAIN_DELAY_MS */
	env?: Record<string, string>;
}

export async function startCluster(databaseUrl: string, options: ClusterOptions): Promise<TestCluster> {
	const haproxyPort = await freePort();
	const url = `http://127.0.0.1:${haproxyPort}`;
	const ports: number[] = [];
	for (let i = 0; i < options.nodes; i++) ports.push(await freePort());
	const env = {
		DATABASE_URL: databaseUrl,
		// what the browser sees is HAProxy's origin; the client address comes from its X-Forwarded-For
		ORIGIN: url,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		...options.env
	};
	const start = (i: number) => startNode({ name: `node${i + 1}`, port: ports[i], env });
	const nodes = await Promise.all(ports.map((_, i) => start(i)));
	let haproxy: RunningHaproxy;
	try {
		haproxy = await startHaproxy({
			port: haproxyPort,
			nodes: nodes.map((n) => ({ name: n.name, host: '127.0.0.1', port: n.port }))
		});
	} catch (error) {
		await Promise.all(nodes.map((n) => n.stop('SIGKILL')));
		throw error;
	}
	const cluster: TestCluster = {
		url,
		haproxy,
		nodes,
		async waitForState(i, state, timeoutMs = 30_000) {
			const name = `node${i + 1}`;
			const deadline = Date.now() + timeoutMs;
			let seen = '';
			while (Date.now() < deadline) {
				seen = (await haproxy.nodeStats())[name]?.status ?? '';
				if (seen === state) return;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			throw new Error(`HAProxy saw ${name} as "${seen}", not ${state}, within ${timeoutMs} ms`);
		},
		async restart(i) {
			nodes[i] = await start(i);
			await cluster.waitForState(i, 'UP');
			return nodes[i];
		},
		async stop() {
			await haproxy.stop();
			await Promise.all(nodes.map((n) => n.stop('SIGINT', 10_000)));
		}
	};
	try {
		for (let i = 0; i < nodes.length; i++) await cluster.waitForState(i, 'UP');
	} catch (error) {
		const outputs = nodes.map((n) => `--- ${n.name}\n${n.output().slice(-2000)}`).join('\n');
		await cluster.stop();
		throw new Error(`${(error as Error).message}\n${outputs}\n--- haproxy\n${haproxy.output()}`, {
			cause: error
		});
	}
	return cluster;
}
