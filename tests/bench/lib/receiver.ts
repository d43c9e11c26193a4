// The benchmarks' client side: TVs and phones in a process of their own, so parsing thousands of
// events does not sit on a server's event loop. Forked by clients.ts; it records when each event
// reached each socket, in this process's clock, and turns receipts into latencies once the bench
// tells it when each call started (already shifted into this clock).
import { io as connect } from 'socket.io-client';
import type { ClientSocket } from '../../../src/lib/realtime/socket';
import type { FromReceiver, SocketJob, ToReceiver } from './clients';
import { openWireSocket, type ProbeAck, type ProbeEvent, type ProbeSocket } from './wire-socket';

const epochNow = () => performance.timeOrigin + performance.now();
// flat [seq, receivedAt, seq, receivedAt, …]: a million receipts without a million objects
const receipts = { display: [] as number[], phone: [] as number[] };
// which seq called which ticket, learnt from the TVs: the HTTP answer carries the ticket, not its seq
const seqOfTicket = new Map<string, number>();
let positions = 0;
let connectCpuMs = 0;
const send = (message: FromReceiver) => process.send!(message);
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;

// PROBE=socket.io: the client library the pages use; default: the bare wire client (wire-socket.ts),
// which leaves more of the shared cores to the node being measured
const probe = process.env.PROBE === 'socket.io' ? 'socket.io' : 'wire';
const sockets: ProbeSocket[] = [];

async function connectProbe(job: SocketJob): Promise<ProbeSocket> {
	const headers: Record<string, string> =
		job.kind === 'display' ? { cookie: `antrean_device=${job.key}` } : {};
	if (probe === 'wire') return openWireSocket(job.url, headers);
	const socket: ClientSocket = connect(job.url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: headers
	});
	try {
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', reject);
		});
	} catch (error) {
		socket.disconnect();
		throw error;
	}
	// the app's typed socket, seen through the probe's untyped event names
	const loose = socket as unknown as {
		on(event: string, handler: (payload: ProbeEvent) => void): void;
		timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<ProbeAck> };
	};
	return {
		on: (event, handler) => loose.on(event, handler),
		emitWithAck: (event, payload, timeoutMs) => loose.timeout(timeoutMs).emitWithAck(event, payload),
		close: () => void socket.disconnect()
	};
}

async function open(job: SocketJob): Promise<boolean> {
	try {
		const socket = await connectProbe(job);
		sockets.push(socket);
		if (job.kind === 'display') {
			socket.on('ticket:called', (event) => {
				receipts.display.push(event.seq, epochNow());
				const ticketId = event.call!.ticketId;
				if (!seqOfTicket.has(ticketId)) seqOfTicket.set(ticketId, event.seq);
			});
			const ack = await socket.emitWithAck('room:join', { room: 'display', mppId: job.mppId }, 60_000);
			if (!ack || 'error' in ack) throw new Error(JSON.stringify(ack));
		} else {
			// as the tracking page does: follow the ticket by its code, then hear every change to it
			socket.on('ticket:tracked', (event) => void receipts.phone.push(event.seq, epochNow()));
			socket.on('ticket:position', () => void positions++);
			const ack = await socket.emitWithAck('ticket:follow', { trackCode: job.key }, 60_000);
			if (!ack || 'error' in ack) throw new Error(JSON.stringify(ack));
		}
		return true;
	} catch {
		return false;
	}
}

process.on('message', async (message: ToReceiver) => {
	switch (message.kind) {
		case 'ping':
			return send({ kind: 'pong', id: message.id, at: epochNow() });
		case 'connect': {
			const began = performance.now();
			const joined = { display: 0, phone: 0, failed: 0 };
			// a few dozen handshakes at a time, like devices coming online, not thousands in one burst
			for (let i = 0; i < message.jobs.length; i += message.batch) {
				const batch = message.jobs.slice(i, i + message.batch);
				const ok = await Promise.all(batch.map(open));
				ok.forEach((done, j) => (done ? joined[batch[j].kind]++ : joined.failed++));
			}
			connectCpuMs = cpuMs();
			return send({ kind: 'ready', ...joined, ms: Math.round(performance.now() - began) });
		}
		case 'seqs':
			return send({ kind: 'seqs', pairs: [...seqOfTicket] });
		case 'report': {
			const starts = new Map(message.starts);
			let strays = 0;
			const latencies = (flat: number[]) => {
				const out = new Float64Array(flat.length / 2);
				let n = 0;
				for (let i = 0; i < flat.length; i += 2) {
					const started = starts.get(flat[i]);
					if (started === undefined) strays++;
					else out[n++] = flat[i + 1] - started;
				}
				return out.slice(0, n);
			};
			return send({
				kind: 'result',
				display: latencies(receipts.display),
				phone: latencies(receipts.phone),
				strays,
				positions,
				cpuMs: cpuMs() - connectCpuMs
			});
		}
		case 'exit':
			for (const s of sockets) s.close();
			process.exit(0);
	}
});
