// Production entry: database → migrations → one http.Server shared by SvelteKit and socket.io.
// `npm start` runs it directly; `npm run demo`, the e2e setup and the API tests call startServer().
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_BODY_SIZE_LIMIT } from '../src/lib/server/body-limit';
import { startEdgeLink } from '../src/lib/server/edge/link';
import { readServerMode } from '../src/lib/server/edge/mode';
import { createSql } from '../src/lib/server/db/client';
import { setDraining } from '../src/lib/server/readiness';
import { startDatabase, migrate, type Database } from './database';
import { drain, drainOptionsFromEnv, trackRequests, type DrainOptions } from './drain';
import { attachRealtime } from './realtime';
import { logUnhandledRejections } from './unhandled';
import { startSessionPurge } from './session-purge';

export interface ServerOptions {
	port?: number;
	host?: string;
	/** defaults to DATABASE_URL, else embedded PostgreSQL under ANTREAN_DATA_DIR */
	databaseUrl?: string;
	log?: (line: string) => void;
	/** default: ANTREAN_DRAIN_DELAY_MS and ANTREAN_DRAIN_TIMEOUT_MS (README "Configuration") */
	drain?: Partial<DrainOptions>;
}

export interface RunningServer {
	url: string;
	port: number;
	databaseUrl: string;
	/** Ends at once: sockets, connections, pool (tests, Ctrl-C). */
	close(): Promise<void>;
	/** What SIGTERM does: /readyz fails, sockets move to other nodes, requests finish, then close(). */
	drain(): Promise<void>;
}

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const handlerPath = fileURLToPath(new URL('../build/handler.js', import.meta.url));

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const log = options.log ?? ((line: string) => console.log(line));
	if (!existsSync(handlerPath)) {
		throw new Error(
			`No production build at ${handlerPath}: run \`npm run build\` first (npm run demo builds it).`
		);
	}
	// before the database: a misconfigured edge stops here with a readable sentence (README "Edge nodes")
	const mode = readServerMode(process.env);
	if (mode.mode === 'edge') log(`Edge mode for ${mode.mppSlug}, centre at ${mode.centralUrl}`);
	const database: Database = options.databaseUrl
		? { url: options.databaseUrl, embedded: false, stop: async () => {} }
		: await startDatabase();
	try {
		const applied = await migrate(database.url);
		if (applied.length) log(`Migrations applied: ${applied.join(', ')}`);
		// SvelteKit's modules read the pool's address from here on their first query.
		process.env.DATABASE_URL = database.url;
		const replica = process.env.DATABASE_READ_URL;
		// host and database only: the URL may carry a password
		if (replica) log(`Statistics read from the replica at ${replicaAddress(replica)} (DATABASE_READ_URL)`);

		// socket.io must be attached before SvelteKit's init runs, so requests wait for the handler
		const app: { handler?: NodeHandler } = {};
		// read by adapter-node when the handler is imported below; README "Configuration"
		process.env.BODY_SIZE_LIMIT ??= DEFAULT_BODY_SIZE_LIMIT;
		const httpServer = createServer((req, res) => {
			discardUnreadBody(req, res);
			const handler = app.handler;
			if (!handler) {
				res.writeHead(503, { 'content-type': 'text/plain' }).end('Starting up');
				return;
			}
			handler(req, res, () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
		});
		const requests = trackRequests(httpServer);
		// a server started again in the same process (tests) is not draining
		setDraining(false);
		const realtime = attachRealtime(httpServer);
		startSessionPurge(httpServer);
		// Importing the handler runs SvelteKit's `init` hook, which registers the socket handlers.
		app.handler = ((await import(pathToFileURL(handlerPath).href)) as { handler: NodeHandler }).handler;

		// the edge's sync has its own two connections: a slow centre never holds one the hall needs. It
		// starts before the hall can write, so the outbox captures the first ticket too.
		const edgeSql =
			mode.mode === 'edge' ? createSql(database.url, { max: 2, statementTimeoutMs: 60_000 }) : undefined;
		const edgeLink = mode.mode === 'edge' && edgeSql ? await startEdgeLink(mode, edgeSql, log) : undefined;
		await new Promise<void>((resolve, reject) => {
			httpServer.once('error', reject);
			httpServer.listen(options.port ?? 3000, options.host ?? '0.0.0.0', () => resolve());
		});
		const { port } = httpServer.address() as AddressInfo;
		const shownHost = !options.host || options.host === '0.0.0.0' ? 'localhost' : options.host;
		let closing: Promise<void> | undefined;
		let draining: Promise<void> | undefined;
		const drainOptions = { ...drainOptionsFromEnv(), ...options.drain };
		const running: RunningServer = {
			url: `http://${shownHost}:${port}`,
			port,
			databaseUrl: database.url,
			drain: () =>
				(draining ??= (async () => {
					await drain({ httpServer, io: realtime.io, requests, log }, drainOptions);
					await running.close();
				})()),
			close: () =>
				(closing ??= (async () => {
					await edgeLink?.stop();
					await edgeSql?.end({ timeout: 5 });
					await realtime.close();
					await new Promise<void>((resolve) => {
						httpServer.close(() => resolve());
						httpServer.closeAllConnections();
					});
					const { closeSql } = await import('../src/lib/server/db/client');
					await closeSql();
					await database.stop();
				})())
		};
		return running;
	} catch (error) {
		await database.stop();
		throw error;
	}
}

/**
 * A body the app answered without reading to its end (a 401 or 404 before the body, an endpoint that
 * takes none, the adapter's own 413) would stay in the socket and stall or reset the next request on
 * that keep-alive connection. Once the answer is written, the rest is thrown away, as Node itself does
 * for a body nobody began to read (issue 10 item 8).
 */
function discardUnreadBody(req: IncomingMessage, res: ServerResponse): void {
	res.once('finish', () => {
		if (req.complete || req.destroyed) return;
		req.removeAllListeners('data');
		req.resume();
	});
}

async function main() {
	logUnhandledRejections();
	const port = Number(process.env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`PORT must be a port number, got "${process.env.PORT}"`);
		process.exit(1);
	}
	if (!process.env.ORIGIN) {
		// adapter-node assumes https without ORIGIN, which refuses every form post over plain http.
		process.env.ORIGIN = `http://localhost:${port}`;
		console.log(
			`ORIGIN not set: assuming ${process.env.ORIGIN} (set ORIGIN=https://your.host in production)`
		);
	}
	const server = await startServer({ port, host: process.env.HOST });
	console.log(`Antrean listening on ${server.url}`);
	let stopping = false;
	const stop = async (signal: string, how: 'drain' | 'close') => {
		// a second SIGTERM must not restart the drain; Ctrl-C during one still stops at once
		if (stopping && how === 'drain') return;
		stopping = true;
		console.log(`${signal}: ${how === 'drain' ? 'draining, then shutting down' : 'shutting down'}`);
		try {
			await (how === 'drain' ? server.drain() : server.close());
			process.exit(0);
		} catch (error) {
			console.error(`${signal}: shutdown failed:`, error);
			process.exit(1);
		}
	};
	// SIGTERM is what a deploy, systemd, Kubernetes and `kill` send; Ctrl-C at a terminal stops at once
	process.on('SIGTERM', () => void stop('SIGTERM', 'drain'));
	process.on('SIGINT', () => void stop('SIGINT', 'close'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}

function replicaAddress(url: string): string {
	try {
		const { host, pathname } = new URL(url);
		return `${host}${pathname}`;
	} catch {
		throw new Error('DATABASE_READ_URL is not a postgres:// URL');
	}
}
