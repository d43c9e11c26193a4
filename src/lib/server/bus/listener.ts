// This node's ear on the bus (issue 11): one dedicated PostgreSQL connection that LISTENs on the
// `antrean` channel and hands every message to `deliver`, in the order PostgreSQL sent them.
//
// Why not postgres.js's `sql.listen`: it re-listens after a dropped connection, but a re-listen that
// fails (the database still restarting) is swallowed and never tried again, and it cannot notice a
// connection that died without a FIN. So the connection is ours, with `onnotify`/`onclose`:
// - a closed connection is re-listened every RETRY_MS until it works;
// - a keepalive: the node notifies a ping of its own every PING_MS through the application pool and
//   must hear it back; after DEAF_MS of silence the connection is thrown away and a new one listens
//   (a connection stuck behind a dead link, or a backend killed without the socket noticing);
// - after every listen but the first, `onResync` runs: whatever was sent while this node was deaf is
//   lost to it, so its clients must fetch fresh snapshots.
import postgres from 'postgres';
import { BUS_CHANNEL, notify, readStoredMessage } from '../db/bus';
import { reconnectBackoff, type Sql } from '../db/client';
import { uuidv7 } from '../ids';
import { parseBusMessage, type BusMessage } from './messages';
import { setBusListening } from './state';

export interface BusListenerOptions {
	url: string;
	/** the application pool, for pings and for messages stored in bus_messages */
	sql: () => Sql;
	deliver(message: BusMessage): void;
	/** after a re-listen: the node may have missed messages */
	onResync(): void;
	pingMs?: number;
	deafMs?: number;
	retryMs?: number;
	log?: (line: string, error?: unknown) => void;
}

export interface BusListener {
	readonly node: string;
	/** resolves after the first successful LISTEN (rejects never: it keeps trying) */
	ready: Promise<void>;
	stop(): Promise<void>;
}

export function envMs(name: string, fallback: number, min: number): number {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && value >= min ? value : fallback;
}

export function startBusListener(options: BusListenerOptions): BusListener {
	const node = uuidv7();
	// a dead listener is noticed at most DEAF + PING after its last message: under 15 s by default
	const pingMs = options.pingMs ?? envMs('ANTREAN_BUS_PING_MS', 3000, 50);
	const deafMs = options.deafMs ?? envMs('ANTREAN_BUS_DEAF_MS', 9000, 100);
	const retryMs = options.retryMs ?? envMs('ANTREAN_BUS_RETRY_MS', 500, 10);
	const log = options.log ?? ((line, error) => console.error(line, error ?? ''));

	let stopped = false;
	let connection: Sql | null = null;
	let listening = false;
	let listens = 0;
	let heardAt = Date.now();
	let pings = 0;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	// messages are handled one after another: a stored one is read before the next is delivered
	let chain: Promise<void> = Promise.resolve();
	let resolveReady!: () => void;
	const ready = new Promise<void>((resolve) => (resolveReady = resolve));

	const setListening = (value: boolean) => {
		listening = value;
		setBusListening(value);
	};

	function receive(payload: string) {
		heardAt = Date.now();
		chain = chain.then(() => handle(payload)).catch((error) => log('bus message failed', error));
	}

	async function handle(payload: string) {
		const parsed = parseBusMessage(payload);
		if (!parsed) return;
		if ('ref' in parsed) {
			const body = await readStoredMessage(options.sql(), parsed.ref);
			const stored = body === null ? null : parseBusMessage(body);
			if (stored && !('ref' in stored)) options.deliver(stored);
			return;
		}
		if (parsed.kind === 'ping') return;
		options.deliver(parsed);
	}

	function open(): Sql {
		// `onnotify` is the connection option postgres.js's own listen() uses; its types leave it out
		const hooks = {
			onnotify: (_channel: string, payload: string) => receive(payload),
			onclose: () => {
				if (stopped || !listening) return;
				setListening(false);
				scheduleListen(0);
			}
		};
		return postgres(options.url, {
			max: 1,
			// 0 turns both timers off: a listening connection is never recycled (that would be a resync)
			idle_timeout: 0,
			max_lifetime: 0,
			fetch_types: false,
			connect_timeout: 5,
			// our own loop retries every RETRY_MS; postgres.js's growing backoff must not stretch it
			backoff: reconnectBackoff,
			// the OS notices a dead peer too, as a second line behind the pings
			keep_alive: 5,
			onnotice: () => {},
			...hooks
		} as postgres.Options<Record<string, never>>);
	}

	async function listen() {
		if (stopped) return;
		connection ??= open();
		try {
			await connection.unsafe(`LISTEN "${BUS_CHANNEL}"`);
		} catch (error) {
			if (!stopped) {
				log('bus listen failed, retrying', (error as Error)?.message ?? error);
				scheduleListen(retryMs);
			}
			return;
		}
		if (stopped) return;
		heardAt = Date.now();
		setListening(true);
		listens++;
		if (listens === 1) resolveReady();
		else options.onResync();
	}

	function scheduleListen(delay: number) {
		clearTimeout(retryTimer);
		retryTimer = setTimeout(() => void listen(), delay);
	}

	/** Throws the connection away (without waiting for a dead peer) and listens on a fresh one. */
	async function replace() {
		const old = connection;
		connection = null;
		setListening(false);
		await old?.end({ timeout: 0 }).catch(() => {});
		scheduleListen(0);
	}

	const pingTimer = setInterval(() => {
		if (stopped) return;
		if (listening && Date.now() - heardAt > deafMs) {
			log(`bus listener deaf for ${Date.now() - heardAt} ms: reconnecting`);
			void replace();
			return;
		}
		// errors (database down) are expected here; the silence that follows is what counts
		notify(options.sql(), JSON.stringify({ kind: 'ping', node, n: ++pings })).catch(() => {});
	}, pingMs);
	pingTimer.unref();

	void listen();

	return {
		node,
		ready,
		async stop() {
			stopped = true;
			clearInterval(pingTimer);
			clearTimeout(retryTimer);
			setListening(false);
			await connection?.end({ timeout: 0 }).catch(() => {});
			connection = null;
		}
	};
}
