// `npm run demo -- --edge` (issue 13): next to the demo's centre, an edge server for MPP Jayapura in a
// child process, on its own database, reaching the centre through a switch in this process that the
// user cuts and restores from the keyboard (c / r + Enter).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSql } from '../src/lib/server/db/client';
import { DEMO_EDGE_MPP, prepareDemoEdge } from '../src/lib/server/demo/edge';
import { startTcpProxy, type TcpProxy } from '../src/lib/server/net/tcp-proxy';
import { freePort, migrate } from './database';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface DemoEdgeRunning {
	slug: string;
	baseUrl: string;
	stop(): Promise<void>;
}

export async function startDemoEdge(options: {
	centralDatabaseUrl: string;
	centralPort: number;
	port: number;
	host: string;
	speed: number;
	simulate: boolean;
}): Promise<DemoEdgeRunning> {
	const sql = createSql(options.centralDatabaseUrl, 2);
	const edge = await prepareDemoEdge(sql, options.centralDatabaseUrl).finally(() => sql.end({ timeout: 5 }));
	await migrate(edge.databaseUrl);
	const link = await startTcpProxy(
		{ host: '127.0.0.1', port: options.centralPort },
		{ port: await freePort() }
	);
	const baseUrl = `http://localhost:${options.port}`;
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/demo-edge.ts'], {
		cwd: root,
		env: {
			...process.env,
			ANTREAN_MODE: 'edge',
			ANTREAN_CENTRAL_URL: `http://127.0.0.1:${link.port}`,
			ANTREAN_EDGE_TOKEN: edge.token,
			ANTREAN_EDGE_MPP: DEMO_EDGE_MPP,
			DATABASE_URL: edge.databaseUrl,
			PORT: String(options.port),
			HOST: options.host,
			ORIGIN: baseUrl,
			ANTREAN_DEMO_SPEED: String(options.speed),
			ANTREAN_DEMO_SIMULATE: options.simulate ? '1' : '0'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	await waitForHealth(child, baseUrl);
	const keys = controlFromKeyboard(link);
	return {
		slug: DEMO_EDGE_MPP,
		baseUrl,
		stop: async () => {
			keys.close();
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGINT');
				setTimeout(() => child.kill('SIGKILL'), 5000).unref();
			});
			await link.close();
		}
	};
}

async function waitForHealth(child: ChildProcess, baseUrl: string): Promise<void> {
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`the edge server exited (${child.exitCode}); see [edge] lines above`);
		try {
			if ((await fetch(`${baseUrl}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('the edge server did not answer /healthz within 120 s');
		await new Promise((r) => setTimeout(r, 300));
	}
}

/** c + Enter cuts the link, r + Enter restores it; a terminal is not required (CI just never types). */
function controlFromKeyboard(link: TcpProxy): { close(): void } {
	if (!process.stdin.readable) return { close() {} };
	const input = createInterface({ input: process.stdin });
	input.on('line', (line) => {
		const key = line.trim().toLowerCase();
		if (key === 'c') {
			link.cut();
			console.log(
				'[link] CUT: the edge cannot reach the centre. The hall keeps working; the centre shows "offline since".'
			);
		} else if (key === 'r') {
			link.restore();
			console.log(
				'[link] RESTORED: the edge sends what the hall did and the centre catches up within seconds.'
			);
		} else if (key) console.log('[link] type c + Enter to cut the link, r + Enter to restore it');
	});
	return { close: () => input.close() };
}
