// The bench side of receiver.ts: forks one or more receiver processes, spreads the sockets over them,
// measures each one's clock offset and gathers latencies. Bench and receivers share one machine
// clock (performance.timeOrigin + performance.now()); what remains between two processes' readings
// is measured over IPC (NTP-style, the smallest of 20 round trips) and removed.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SocketJob {
	url: string;
	kind: 'display' | 'phone';
	/** the display's device token, or the phone's track code */
	key: string;
	mppId: string;
}

export type ToReceiver =
	| { kind: 'connect'; jobs: SocketJob[]; batch: number }
	| { kind: 'ping'; id: number }
	| { kind: 'seqs' }
	| { kind: 'report'; starts: [number, number][] }
	| { kind: 'exit' };
export type FromReceiver =
	| { kind: 'ready'; display: number; phone: number; failed: number; ms: number }
	| { kind: 'pong'; id: number; at: number }
	| { kind: 'seqs'; pairs: [string, number][] }
	| {
			kind: 'result';
			display: Float64Array;
			phone: Float64Array;
			strays: number;
			positions: number;
			cpuMs: number;
	  };

export interface Summary {
	received: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export interface Results {
	display: Summary;
	phone: Summary;
	all: Summary;
	/** receipts of a seq the bench did not start (should be 0) */
	strays: number;
	/** `ticket:position` events the phones heard (not timed: computed at most once a second) */
	positions: number;
	/** CPU the receivers used after connecting, all processes together */
	cpuMs: number;
}

export const epochNow = () => performance.timeOrigin + performance.now();

export function summarise(values: Float64Array): Summary {
	const sorted = Float64Array.from(values).sort();
	const at = (q: number) =>
		sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
	return { received: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

function concat(arrays: Float64Array[]): Float64Array {
	const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
	let at = 0;
	for (const a of arrays) {
		out.set(a, at);
		at += a.length;
	}
	return out;
}

export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

/** Forks `processes` receivers and opens `jobs` across them, `batch` handshakes at a time each. */
export async function startReceivers(jobs: SocketJob[], processes = 1, batch = 50) {
	const receivers = Array.from({ length: processes }, () => receiver());
	try {
		// round-robin per kind, so every process gets its share of TVs (most receipts) and of phones
		const shares = receivers.map(() => [] as SocketJob[]);
		const next = { display: 0, phone: 0 };
		for (const job of jobs) shares[next[job.kind]++ % processes].push(job);
		const ready = await Promise.all(
			receivers.map((r, i) => {
				r.child.send({ kind: 'connect', jobs: shares[i], batch } satisfies ToReceiver);
				return r.next('ready', 600_000) as Promise<Extract<FromReceiver, { kind: 'ready' }>>;
			})
		);
		const offsets: number[] = [];
		for (const r of receivers) offsets.push(await clockOffset(r));
		return {
			pids: receivers.map((r) => r.child.pid!),
			offsets,
			joined: {
				display: ready.reduce((n, r) => n + r.display, 0),
				phone: ready.reduce((n, r) => n + r.phone, 0),
				failed: ready.reduce((n, r) => n + r.failed, 0),
				ms: Math.max(...ready.map((r) => r.ms))
			},
			/** which seq called which ticket, as the TVs heard it */
			async seqOfTicket(): Promise<Map<string, number>> {
				const map = new Map<string, number>();
				for (const r of receivers) {
					r.child.send({ kind: 'seqs' } satisfies ToReceiver);
					const { pairs } = (await r.next('seqs')) as Extract<FromReceiver, { kind: 'seqs' }>;
					for (const [ticketId, seq] of pairs) map.set(ticketId, seq);
				}
				return map;
			},
			/** latencies against `starts` (seq → when that call began, in the bench's clock) */
			async results(starts: Map<number, number>): Promise<Results> {
				const parts = await Promise.all(
					receivers.map((r, i) => {
						const shifted = [...starts].map(([seq, at]) => [seq, at + offsets[i]] as [number, number]);
						r.child.send({ kind: 'report', starts: shifted } satisfies ToReceiver);
						return r.next('result') as Promise<Extract<FromReceiver, { kind: 'result' }>>;
					})
				);
				const display = concat(parts.map((p) => p.display));
				const phone = concat(parts.map((p) => p.phone));
				const all = concat([display, phone]);
				return {
					display: summarise(display),
					phone: summarise(phone),
					all: summarise(all),
					strays: parts.reduce((n, p) => n + p.strays, 0),
					positions: parts.reduce((n, p) => n + p.positions, 0),
					cpuMs: parts.reduce((n, p) => n + p.cpuMs, 0)
				};
			},
			close() {
				for (const r of receivers) {
					if (r.child.connected) r.child.send({ kind: 'exit' } satisfies ToReceiver);
					setTimeout(() => r.child.kill(), 2000).unref();
				}
			}
		};
	} catch (error) {
		for (const r of receivers) r.child.kill();
		throw error;
	}
}

export type Receivers = Awaited<ReturnType<typeof startReceivers>>;

function receiver() {
	const child: ChildProcess = fork(fileURLToPath(new URL('./receiver.ts', import.meta.url)), [], {
		execArgv: ['--import', 'tsx'],
		// latencies travel back as Float64Arrays, a million at a time
		serialization: 'advanced'
	});
	const queue: FromReceiver[] = [];
	const waiting: { kind: string; resolve: (m: FromReceiver) => void }[] = [];
	child.on('message', (message: FromReceiver) => {
		const i = waiting.findIndex((w) => w.kind === message.kind);
		if (i >= 0) waiting.splice(i, 1)[0].resolve(message);
		else queue.push(message);
	});
	return {
		child,
		next(kind: FromReceiver['kind'], timeoutMs = 300_000): Promise<FromReceiver> {
			const i = queue.findIndex((m) => m.kind === kind);
			if (i >= 0) return Promise.resolve(queue.splice(i, 1)[0]);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no ${kind} from a receiver process`)), timeoutMs);
				waiting.push({ kind, resolve: (m) => (clearTimeout(timer), resolve(m)) });
			});
		}
	};
}

/** receiver clock − bench clock, from the IPC round trip with the smallest delay. */
async function clockOffset(r: ReturnType<typeof receiver>): Promise<number> {
	let best = { rtt: Infinity, offset: 0 };
	for (let id = 0; id < 20; id++) {
		const sent = epochNow();
		r.child.send({ kind: 'ping', id } satisfies ToReceiver);
		const pong = (await r.next('pong')) as Extract<FromReceiver, { kind: 'pong' }>;
		const back = epochNow();
		if (back - sent < best.rtt) best = { rtt: back - sent, offset: pong.at - (sent + back) / 2 };
	}
	return best.offset;
}
