// Benchmark (DESIGN "Performance budgets", issue 11): call → visible on TVs and phones across real
// nodes. NODES production server processes on one fresh database (each LISTENs on the bus), SOCKETS
// sockets spread evenly over them (TV_SHARE of them paired TVs in the MPP's display room, the rest
// phones following a waiting ticket with `ticket:follow`), opened by RECEIVERS child processes;
// RATE calls a second for SECONDS, each a `POST /api/v1/counters/:id/call-next` with an operator's
// bearer token through a random node, fired on schedule whether or not the previous one returned.
// Latency = a socket's receipt − the start of the HTTP call (clock trick in lib/clients.ts).
// Not a test: run by hand (needs `npm run build`).
//   npm run bench:cluster                               # 3 nodes, 3,000 sockets: budget p99 ≤ 100 ms
//   NODES=1 SOCKETS=2000 npm run bench:cluster          # one node end to end: budget p99 ≤ 50 ms
//   TV_SHARE=0.6 RATE=20 SECONDS=30 RECEIVERS=2 PROFILE_DIR=/tmp/prof   # defaults; PROFILE_DIR: --cpu-prof per node
//   PROBE=socket.io   # the receivers use socket.io-client instead of the bare wire client (lib/receiver.ts)
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createSql } from '../../src/lib/server/db/client';
import { signIn, startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { epochNow, fmt, startReceivers, summarise, type Receivers, type SocketJob } from './lib/clients';
import { benchDatabase } from './lib/database';
import {
	cpuBetween,
	databaseCpu,
	load,
	machine,
	processCpuMs,
	processMemory,
	runQueueWaitMs
} from './lib/proc';
import { createBenchWorld, OPERATOR_PASSWORD } from './lib/world';

const nodeCount = Number(process.env.NODES ?? 3);
const socketCount = Number(process.env.SOCKETS ?? 1000 * nodeCount);
const tvShare = Number(process.env.TV_SHARE ?? 0.6);
const rate = Number(process.env.RATE ?? 20);
const seconds = Number(process.env.SECONDS ?? 30);
const receiverCount = Number(process.env.RECEIVERS ?? 2);
const budgetMs = nodeCount === 1 ? 50 : 100;
const displays = Math.round(socketCount * tvShare);
const phones = socketCount - displays;

async function main() {
	const loadBefore = load();
	const db = await benchDatabase('cluster');
	const sql = createSql(db.url, 5);
	const nodes: AppServer[] = [];
	let receivers: Receivers | undefined;
	try {
		const world = await createBenchWorld(sql, {
			displays,
			phones,
			tickets: rate * seconds,
			counters: 20,
			operator: true
		});
		// PROFILE_DIR: a CPU profile of each node, through the test-only preload (lib/node-probe.mjs)
		const profile = process.env.PROFILE_DIR;
		const probe = fileURLToPath(new URL('./lib/node-probe.mjs', import.meta.url));
		const env = (i: number): Record<string, string> =>
			profile
				? {
						NODE_OPTIONS: `--import=${probe}`,
						ANTREAN_BENCH_CPU_PROFILE: `${profile}/node-${i + 1}.cpuprofile`
					}
				: {};
		nodes.push(
			...(await Promise.all(Array.from({ length: nodeCount }, (_, i) => startAppServer(db.url, env(i)))))
		);
		await waitForListeners(sql, nodeCount);
		const token = await signIn(nodes[0].url, world.operatorEmail!, OPERATOR_PASSWORD);

		// every node gets its share of TVs and of phones
		const jobs: SocketJob[] = [];
		for (let i = 0; i < Math.max(displays, phones); i++) {
			if (i < displays)
				jobs.push({
					url: nodes[i % nodeCount].url,
					kind: 'display',
					key: world.displayTokens[i],
					mppId: world.mppId
				});
			if (i < phones)
				jobs.push({
					url: nodes[(i + 1) % nodeCount].url,
					kind: 'phone',
					key: world.trackCodes[i],
					mppId: world.mppId
				});
		}
		receivers = await startReceivers(jobs, receiverCount);
		const { joined } = receivers;
		console.log(
			`${nodeCount} node(s): joined ${joined.display} TVs and ${joined.phone} phones (${joined.failed} failed) ` +
				`in ${(joined.ms / 1000).toFixed(1)} s over ${receiverCount} receiver process(es).`
		);

		const startedByTicket = new Map<string, number>();
		const httpMs: number[] = [];
		const statuses = new Map<number, number>();
		let expectedPhone = 0;
		let empty = 0;
		const inFlight = new Set<Promise<void>>();
		const nodeCpuBefore = nodes.map((n) => processCpuMs(n.pid) ?? NaN);
		const nodeWaitBefore = nodes.map((n) => runQueueWaitMs(n.pid) ?? NaN);
		const receiverCpuBefore = receivers.pids.map((pid) => processCpuMs(pid) ?? NaN);
		const dbCpuBefore = await databaseCpu(sql, db.name);
		const began = performance.now();
		for (let i = 0; i < rate * seconds; i++) {
			const wait = began + (i * 1000) / rate - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			const node = nodes[Math.floor(Math.random() * nodeCount)];
			const call = (async () => {
				const started = epochNow();
				const response = await fetch(
					`${node.url}/api/v1/counters/${world.counterIds[i % world.counterIds.length]}/call-next`,
					{
						method: 'POST',
						// as an operator's console sends it: a retry would return the first answer
						headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() }
					}
				);
				const body =
					response.status === 200 ? ((await response.json()) as CallAnswer) : await response.text();
				httpMs.push(epochNow() - started);
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
				if (response.status === 204) return void empty++;
				if (typeof body === 'string') return;
				startedByTicket.set(body.ticket.id, started);
				if (world.trackedIds.has(body.ticket.id)) expectedPhone++;
				if (body.finished && world.trackedIds.has(body.finished.id)) expectedPhone++;
			})().catch(() => void statuses.set(0, (statuses.get(0) ?? 0) + 1));
			inFlight.add(call);
			void call.finally(() => inFlight.delete(call));
		}
		await Promise.all(inFlight);
		const loadSeconds = (performance.now() - began) / 1000;
		// stragglers: give every socket a moment to receive the last calls
		await new Promise((r) => setTimeout(r, 3000));
		const nodeCpu = nodes.map((n, i) => (processCpuMs(n.pid) ?? NaN) - nodeCpuBefore[i]);
		const nodeWait = nodes.map((n, i) => (runQueueWaitMs(n.pid) ?? NaN) - nodeWaitBefore[i]);
		const receiverCpu = receivers.pids.map((pid, i) => (processCpuMs(pid) ?? NaN) - receiverCpuBefore[i]);
		const dbCpuAfter = await databaseCpu(sql, db.name);
		const dbCpu = cpuBetween(dbCpuBefore, dbCpuAfter);
		// which backends did the work, by the last statement each ran (a pool connection runs many kinds)
		const lastQueries = await sql<{ pid: number; query: string }[]>`
			SELECT pid, left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 70) AS query FROM pg_stat_activity
			WHERE datname = ${db.name} AND pid <> pg_backend_pid()`;
		const busiest = lastQueries
			.map(({ pid, query }) => ({ query, ms: (dbCpuAfter.get(pid) ?? 0) - (dbCpuBefore.get(pid) ?? 0) }))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, 6);
		const wallMs = performance.now() - began;

		const seqOf = await receivers.seqOfTicket();
		const starts = new Map<number, number>();
		let unheard = 0;
		for (const [ticketId, started] of startedByTicket) {
			const seq = seqOf.get(ticketId);
			if (seq === undefined) unheard++;
			else starts.set(seq, started);
		}
		const result = await receivers.results(starts);
		const calls = startedByTicket.size;
		const expectedDisplay = calls * joined.display;
		const row = (label: string, s: typeof result.all, expected: number) =>
			console.log(
				`  ${label.padEnd(9)} expected ${String(expected).padStart(7)}  received ${String(s.received).padStart(7)}  ` +
					`lost ${String(expected - s.received).padStart(5)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms`
			);
		const http = summarise(Float64Array.from(httpMs));
		console.log(
			`\ncluster: ${nodeCount} node(s), ${joined.display} TVs + ${joined.phone} phones, ${calls} calls in ${loadSeconds.toFixed(1)} s ` +
				`(${(calls / loadSeconds).toFixed(1)}/s, target ${rate}/s; ${empty} empty; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}; ` +
				`${unheard} calls heard by no TV)`
		);
		row('TVs', result.display, expectedDisplay);
		row('phones', result.phone, expectedPhone);
		row('all', result.all, expectedDisplay + expectedPhone);
		console.log(
			`  HTTP call-next answered: p50 ${fmt(http.p50)}  p95 ${fmt(http.p95)}  p99 ${fmt(http.p99)}  max ${fmt(http.max)} ms`
		);
		console.log(
			`  receipts of unknown seq ${result.strays}; ticket:position events heard ${result.positions}; clock offsets ` +
				receivers.offsets.map((o) => o.toFixed(3)).join(', ') +
				' ms'
		);
		const core = (ms: number) => `${((ms / wallMs) * 100).toFixed(0)} % of a core`;
		nodes.forEach((n, i) =>
			console.log(
				`  node ${i + 1}: CPU ${(nodeCpu[i] / 1000).toFixed(1)} s (${core(nodeCpu[i])}, ${fmt(nodeCpu[i] / calls)} ms per call), ` +
					`waited for a core ${(nodeWait[i] / 1000).toFixed(1)} s, RSS ${((processMemory(n.pid, 'VmRSS') ?? NaN) / 2 ** 20).toFixed(0)} MB`
			)
		);
		const receiverTotal = receiverCpu.reduce((a, b) => a + b, 0);
		console.log(
			`  PostgreSQL backends: CPU ${(dbCpu / 1000).toFixed(1)} s (${core(dbCpu)}, ${fmt(dbCpu / calls)} ms per call); ` +
				`receivers: CPU ${(receiverTotal / 1000).toFixed(1)} s (${core(receiverTotal)}, ` +
				`${fmt((receiverTotal * 1000) / Math.max(1, result.all.received))} µs per receipt)`
		);
		for (const b of busiest)
			console.log(`    backend ${(b.ms / 1000).toFixed(1).padStart(5)} s, last ran: ${b.query}`);
		console.log(
			`  budget p99 ≤ ${budgetMs} ms, 0 lost: ${result.all.p99 <= budgetMs && result.all.received === expectedDisplay + expectedPhone ? 'met' : 'MISSED'}`
		);
		console.log(`  machine: ${machine()}; ${db.version}; load average before ${loadBefore}, after ${load()}`);
	} finally {
		receivers?.close();
		await Promise.all(nodes.map((n) => n.stop()));
		await sql.end({ timeout: 5 });
		await db.drop();
	}
}

interface CallAnswer {
	ticket: { id: string };
	finished: { id: string } | null;
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
