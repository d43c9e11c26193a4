// Benchmark (DESIGN "Performance budgets": 10,000 sockets held on one node, RSS ≤ 400 MB): one real
// server process (the production build) with PHONES phones following a waiting ticket each and
// DISPLAYS paired TVs in one MPP's display room, opened by RECEIVERS child processes. It reports the
// node's RSS (/proc) and V8 heap (a test-only preload, lib/node-probe.mjs) before and after the
// sockets, its CPU while they sit idle, and its CPU per broadcast: CALLS calls, one every INTERVAL_MS,
// made by callNext in this process (so the node does only what the bus brings it: emit to every TV
// and to the phones of the called and finished tickets, and the moved services' positions).
// Not a test: run by hand (needs `npm run build`).
//   npm run bench:idle-sockets
//   PHONES=9000 DISPLAYS=1000 RECEIVERS=2 CALLS=30 INTERVAL_MS=1000 IDLE_SECONDS=10   # the defaults
//   PROBE=socket.io   # the receivers use socket.io-client instead of the bare wire client (lib/receiver.ts)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSql } from '../../src/lib/server/db/client';
import { callNext } from '../../src/lib/server/queue';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { waitForListeners } from '../helpers/bus';
import { epochNow, fmt, startReceivers, type Receivers } from './lib/clients';
import { benchDatabase } from './lib/database';
import { load, machine, openFiles, openFilesLimit, processCpuMs, processMemory } from './lib/proc';
import { createBenchWorld } from './lib/world';

const phones = Number(process.env.PHONES ?? 9000);
const displays = Number(process.env.DISPLAYS ?? 1000);
const receiverCount = Number(process.env.RECEIVERS ?? 2);
const calls = Number(process.env.CALLS ?? 30);
const intervalMs = Number(process.env.INTERVAL_MS ?? 1000);
const idleSeconds = Number(process.env.IDLE_SECONDS ?? 10);
const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
	// every socket is a file on both sides: the node and each receiver inherit this process's limit
	if (openFilesLimit() < phones + displays + 1000) {
		throw new Error(
			`ulimit -n is ${openFilesLimit()}: raise it first (ulimit -n 65535; the node and receivers inherit it)`
		);
	}
	const loadBefore = load();
	const db = await benchDatabase('idle');
	const sql = createSql(db.url, 5);
	const dir = mkdtempSync(join(tmpdir(), 'antrean-bench-memory-'));
	const memoryFile = join(dir, 'memory.json');
	let node: AppServer | undefined;
	let receivers: Receivers | undefined;
	try {
		const world = await createBenchWorld(sql, { displays, phones, tickets: phones + calls, counters: 20 });
		const probe = fileURLToPath(new URL('./lib/node-probe.mjs', import.meta.url));
		node = await startAppServer(db.url, {
			NODE_OPTIONS: `--import=${probe}`,
			ANTREAN_BENCH_MEMORY_FILE: memoryFile
		});
		const pid = node.pid;
		await waitForListeners(sql, 1);
		const heap = async () => {
			rmSync(memoryFile, { force: true });
			process.kill(pid, 'SIGUSR2');
			for (let i = 0; i < 100; i++) {
				await sleep(100);
				try {
					return JSON.parse(readFileSync(memoryFile, 'utf8')) as {
						before: NodeJS.MemoryUsage;
						after: NodeJS.MemoryUsage;
					};
				} catch {
					// not written yet
				}
			}
			throw new Error('the node did not write its memory');
		};
		const memory = async () => {
			const h = await heap();
			return {
				rss: processMemory(pid, 'VmRSS')!,
				heapUsed: h.after.heapUsed,
				heapTotal: h.after.heapTotal,
				external: h.after.external
			};
		};
		const empty = await memory();

		const url = node.url;
		receivers = await startReceivers(
			[
				...world.displayTokens.map((key) => ({ url, kind: 'display' as const, key, mppId: world.mppId })),
				...world.trackCodes.map((key) => ({ url, kind: 'phone' as const, key, mppId: world.mppId }))
			],
			receiverCount,
			100
		);
		const { joined } = receivers;
		const held = joined.display + joined.phone;
		console.log(
			`Joined ${joined.display} TVs and ${joined.phone} phones (${joined.failed} failed) in ${(joined.ms / 1000).toFixed(1)} s.`
		);
		await sleep(5000);
		const full = await memory();
		const fds = openFiles(pid);

		// idle: what holding the sockets costs with nothing happening (engine.io pings every 25 s)
		const idleBefore = processCpuMs(pid)!;
		await sleep(idleSeconds * 1000);
		const idleMsPerSecond = (processCpuMs(pid)! - idleBefore) / idleSeconds;

		const starts = new Map<number, number>();
		let expectedPhone = 0;
		const cpuBefore = processCpuMs(pid)!;
		const began = performance.now();
		for (let i = 0; i < calls; i++) {
			const wait = began + i * intervalMs - performance.now();
			if (wait > 0) await sleep(wait);
			const started = epochNow();
			const result = await callNext(sql, {
				counterId: world.counterIds[i % world.counterIds.length],
				actor: {}
			});
			if (!result.ticket || !result.outcome) continue;
			starts.set(result.outcome.seq, started);
			if (world.trackedIds.has(result.ticket.id)) expectedPhone++;
			if (result.finished && world.trackedIds.has(result.finished.id)) expectedPhone++;
		}
		await sleep(Math.max(3000, intervalMs));
		const busySeconds = (performance.now() - began) / 1000;
		const broadcastCpu = processCpuMs(pid)! - cpuBefore - idleMsPerSecond * busySeconds;
		const after = await memory();
		const result = await receivers.results(starts);
		const done = starts.size;

		const line = (label: string, m: typeof empty) =>
			console.log(
				`  ${label.padEnd(26)} RSS ${(m.rss / MB).toFixed(0)} MB, heap used ${(m.heapUsed / MB).toFixed(0)} MB ` +
					`of ${(m.heapTotal / MB).toFixed(0)} MB, external ${(m.external / MB).toFixed(0)} MB (after a full GC)`
			);
		console.log(`\nidle sockets: ${joined.display} TVs + ${joined.phone} phones held on one node`);
		line('node, no sockets', empty);
		line(`node, ${held} sockets`, full);
		line(`after ${done} broadcasts`, after);
		console.log(
			`  per socket: ${((full.rss - empty.rss) / held / 1024).toFixed(1)} KB RSS, ${((full.heapUsed - empty.heapUsed) / held / 1024).toFixed(1)} KB heap; ` +
				`peak RSS (VmHWM) ${((processMemory(pid, 'VmHWM') ?? NaN) / MB).toFixed(0)} MB; open files ${fds} (ulimit -n ${openFilesLimit()})`
		);
		console.log(
			`  budget RSS ≤ 400 MB with 10,000 sockets: ${held >= 10_000 && Math.max(full.rss, after.rss) <= 400 * MB ? 'met' : 'MISSED'}`
		);
		console.log(
			`  idle CPU: ${fmt(idleMsPerSecond)} ms per second (${fmt(idleMsPerSecond / 10)} % of a core)`
		);
		console.log(
			`  broadcasts: ${done} calls, node CPU ${fmt(broadcastCpu / done)} ms per call beyond idle ` +
				`(${fmt((broadcastCpu * 1000) / Math.max(1, result.all.received + result.positions))} µs per delivered event, positions included); ` +
				`TVs received ${result.display.received} of ${done * joined.display}, phones ${result.phone.received} of ${expectedPhone}; ` +
				`ticket:position events ${result.positions}`
		);
		console.log(
			`  latency from callNext (in this process) to TVs: p50 ${fmt(result.display.p50)}  p99 ${fmt(result.display.p99)}  max ${fmt(result.display.max)} ms`
		);
		console.log(`  machine: ${machine()}; ${db.version}; load average before ${loadBefore}, after ${load()}`);
	} finally {
		receivers?.close();
		await node?.stop();
		await sql.end({ timeout: 5 });
		await db.drop();
		rmSync(dir, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
