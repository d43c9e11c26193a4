// A benchmark's socket that speaks the socket.io v4 wire protocol over a bare `ws` WebSocket: the
// handshake, namespace connect, server pings, emits with an ack and incoming events, nothing else.
//
// Why: on one 2-core machine the receivers share the cores with the node they measure. socket.io-client
// spent about 20 µs of CPU per receipt (half a core at 25,000 receipts a second), time taken from the
// node and added to every receipt's stamp; a TV's own parsing happens on the TV, not on our server.
// This client reads the same frames and parses the same JSON, without the client library's layers.
import WebSocket from 'ws';

/** What a receiver reads off an event: its seq, and on a TV the call's ticket. */
export interface ProbeEvent {
	seq: number;
	call?: { ticketId: string };
}
export type ProbeAck = Record<string, unknown> | null | undefined;
type Handler = (payload: ProbeEvent) => void;

/** The little of a socket.io client socket a receiver uses (both probes implement it). */
export interface ProbeSocket {
	on(event: string, handler: Handler): void;
	emitWithAck(event: string, payload: unknown, timeoutMs: number): Promise<ProbeAck>;
	close(): void;
}

// engine.io packet types (first character) and socket.io packet types (second)
const EIO_OPEN = '0';
const EIO_PING = '2';
const EIO_PONG = '3';
const EIO_MESSAGE = '4';
const SIO_CONNECT = '0';
const SIO_EVENT = '2';
const SIO_ACK = '3';
const SIO_CONNECT_ERROR = '4';

/** Opens the socket and connects to the main namespace; rejects as socket.io-client's connect_error would. */
export function openWireSocket(
	url: string,
	headers: Record<string, string>,
	timeoutMs = 60_000
): Promise<ProbeSocket> {
	const target = new URL('/socket.io/?EIO=4&transport=websocket', url.replace(/^http/, 'ws'));
	const ws = new WebSocket(target, { headers, perMessageDeflate: false });
	const handlers = new Map<string, Handler>();
	const acks = new Map<number, (args: ProbeAck[]) => void>();
	let nextAck = 0;

	const socket: ProbeSocket = {
		on: (event, handler) => void handlers.set(event, handler),
		emitWithAck(event, payload, ackTimeoutMs) {
			const id = nextAck++;
			ws.send(`${EIO_MESSAGE}${SIO_EVENT}${id}${JSON.stringify([event, payload])}`);
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					acks.delete(id);
					reject(new Error(`no ack for ${event}`));
				}, ackTimeoutMs);
				acks.set(id, (args) => (clearTimeout(timer), resolve(args[0])));
			});
		},
		close: () => ws.terminate()
	};

	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => fail(new Error('connect timeout')), timeoutMs);
		const fail = (error: Error) => {
			clearTimeout(timer);
			ws.terminate();
			reject(error);
		};
		ws.on('error', fail);
		ws.on('close', () => fail(new Error('closed')));
		ws.on('message', (data: Buffer) => {
			const text = data.toString();
			switch (text[0]) {
				case EIO_OPEN:
					return ws.send(EIO_MESSAGE + SIO_CONNECT);
				case EIO_PING:
					return ws.send(EIO_PONG);
				case EIO_MESSAGE:
					break;
				default:
					return;
			}
			switch (text[1]) {
				case SIO_CONNECT:
					clearTimeout(timer);
					return resolve(socket);
				case SIO_CONNECT_ERROR:
					return fail(new Error(text.slice(2)));
				case SIO_EVENT: {
					const [event, payload] = JSON.parse(text.slice(2)) as [string, ProbeEvent];
					return handlers.get(event)?.(payload);
				}
				case SIO_ACK: {
					const open = text.indexOf('[');
					const id = Number(text.slice(2, open));
					const ack = acks.get(id);
					acks.delete(id);
					return ack?.(JSON.parse(text.slice(open)));
				}
			}
		});
	});
}
