// Benchmark (DESIGN "Performance budgets"): call → visible on a TV or phone. One node (a real
// http.Server + socket.io, attached and registered as server/index.ts does), one MPP, 1,000 paired
// display devices in its display room and 1,000 phones each following a waiting ticket, while 20
// counters call 20 tickets a second for 30 s through the queue engine, whose transactions send each
// call on the PostgreSQL bus; this node's listener emits it (issue 11).
// Latency = a client's receipt − the moment callNext began (the engine's whole path, bus included).
//
// The clients run in a child process (lib/receiver.ts) so their parsing does not sit on the server's
// event loop; lib/clients.ts says how the two clocks are matched. For the same measure from the start
// of an HTTP call against real server processes, see cluster.ts (NODES=1 SOCKETS=2000).
// Not a test: run it by hand with `npm run bench:fanout` (DATABASE_URL's server, else embedded PG 18).
//   DISPLAYS=1000 PHONES=1000 RATE=20 SECONDS=30 npx tsx tests/bench/fanout.ts
//   PROBE=socket.io   # the receivers use socket.io-client instead of the bare wire client (lib/receiver.ts)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { attachRealtime } from '../../server/realtime';
import { createSql, setSql } from '../../src/lib/server/db/client';
import { callNext } from '../../src/lib/server/queue';
import { registerRealtime } from '../../src/lib/server/realtime/register';
import { waitForListeners } from '../helpers/bus';
import { epochNow, fmt, startReceivers, type Receivers, type Summary } from './lib/clients';
import { benchDatabase } from './lib/database';
import { load, machine } from './lib/proc';
import { createBenchWorld } from './lib/world';

const displays = Number(process.env.DISPLAYS ?? 1000);
const phones = Number(process.env.PHONES ?? 1000);
const rate = Number(process.env.RATE ?? 20);
const seconds = Number(process.env.SECONDS ?? 30);
const counterCount = 20;

async function main() {
	const loadBefore = load();
	const db = await benchDatabase('fanout');
	const sql = createSql(db.url, 30);
	// the socket handlers (authentication, room access) use the process pool, and the bus listener
	// LISTENs on DATABASE_URL's database: the bench's own, not the server it was created on
	setSql(sql);
	process.env.DATABASE_URL = db.url;
	let receivers: Receivers | undefined;
	const http = createServer((_req, res) => res.writeHead(404).end());
	const realtime = attachRealtime(http);
	registerRealtime();
	try {
		const world = await createBenchWorld(sql, {
			displays,
			phones,
			tickets: rate * seconds,
			counters: counterCount
		});
		await waitForListeners(sql, 1);
		await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
		receivers = await startReceivers([
			...world.displayTokens.map((key) => ({ url, kind: 'display' as const, key, mppId: world.mppId })),
			...world.trackCodes.map((key) => ({ url, kind: 'phone' as const, key, mppId: world.mppId }))
		]);
		const ready = receivers.joined;
		console.log(
			`Joined ${ready.display} displays and ${ready.phone} phones (${ready.failed} failed) in ${ready.ms} ms.`
		);

		// The load: one callNext every 1000/rate ms, round-robin over the counters, fired on schedule
		// whether or not the previous one has returned (as independent operators would).
		const commits = new Map<number, number>();
		let expectedPhone = 0;
		let calls = 0;
		let empty = 0;
		let failures = 0;
		const inFlight = new Set<Promise<void>>();
		// what this process (engine, bus, emits) spends per call, and how late its event loop runs;
		// CPU time, unlike wall time, does not grow when other processes take the cores
		const cpuBefore = process.cpuUsage();
		const loopDelay = monitorEventLoopDelay({ resolution: 10 });
		loopDelay.enable();
		const began = performance.now();
		for (let i = 0; i < rate * seconds; i++) {
			const due = began + (i * 1000) / rate;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			const call = (async () => {
				const started = epochNow();
				const result = await callNext(sql, { counterId: world.counterIds[i % counterCount], actor: {} });
				if (!result.ticket || !result.outcome) return void empty++;
				commits.set(result.outcome.seq, started);
				calls++;
				if (world.trackedIds.has(result.ticket.id)) expectedPhone++;
				if (result.finished && world.trackedIds.has(result.finished.id)) expectedPhone++;
			})().catch(() => void failures++);
			inFlight.add(call);
			void call.finally(() => inFlight.delete(call));
		}
		await Promise.all(inFlight);
		const loadSeconds = (performance.now() - began) / 1000;
		loopDelay.disable();
		const cpu = process.cpuUsage(cpuBefore);
		const cpuPerCallMs = (cpu.user + cpu.system) / 1000 / Math.max(1, calls);
		// stragglers: give every socket a moment to receive the last calls
		await new Promise((r) => setTimeout(r, 3000));
		const rss = process.memoryUsage().rss;

		const result = await receivers.results(commits);
		const expectedDisplay = calls * ready.display;
		const row = (label: string, s: Summary, expected: number) =>
			console.log(
				`  ${label.padEnd(9)} expected ${String(expected).padStart(7)}  received ${String(s.received).padStart(7)}  ` +
					`lost ${String(expected - s.received).padStart(5)}  p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  p99 ${fmt(s.p99)}  max ${fmt(s.max)} ms`
			);
		console.log(
			`\nfanout: ${displays} displays + ${phones} phones, ${calls} calls in ${loadSeconds.toFixed(1)} s ` +
				`(${(calls / loadSeconds).toFixed(1)}/s target ${rate}/s; ${empty} empty, ${failures} failed)`
		);
		row('displays', result.display, expectedDisplay);
		row('phones', result.phone, expectedPhone);
		row('all', result.all, expectedDisplay + expectedPhone);
		console.log(
			`  clock offset child−bench ${receivers.offsets[0].toFixed(3)} ms; receipts of unknown seq ${result.strays}; ` +
				`bench process RSS ${(rss / 2 ** 20).toFixed(0)} MB; client process CPU ${(result.cpuMs / 1000).toFixed(1)} s ` +
				`(${((result.cpuMs * 1000) / Math.max(1, result.all.received)).toFixed(1)} µs per receipt)`
		);
		console.log(
			`  server: CPU ${fmt(cpuPerCallMs)} ms per call (engine, bus and emits); ` +
				`event-loop delay p99 ${fmt(loopDelay.percentile(99) / 1e6)} max ${fmt(loopDelay.max / 1e6)} ms`
		);
		console.log(`  budget p99 ≤ 50 ms: ${result.all.p99 <= 50 ? 'met' : 'MISSED'}`);
		console.log(`  machine: ${machine()}; ${db.version}; load average before ${loadBefore}, after ${load()}`);
	} finally {
		receivers?.close();
		await realtime.close();
		await sql.end({ timeout: 5 });
		await db.drop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	}
);
