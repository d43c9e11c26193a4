// One Antrean node as a child process (server/index.ts under tsx), as `npm start` runs it on a host:
// used by `npm run cluster` and by the cluster tests, which SIGTERM and restart nodes.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface NodeSpec {
	name: string;
	port: number;
	/** default 127.0.0.1 */
	host?: string;
	/** DATABASE_URL, ORIGIN and the rest; merged over this process's environment */
	env: Record<string, string>;
	/** every line the node prints, prefixed by the caller if it likes */
	onOutput?: (text: string) => void;
}

export interface NodeProcess {
	name: string;
	port: number;
	/** the node's own address, without the load balancer */
	url: string;
	process: ChildProcess;
	output(): string;
	/** resolves with the exit code (null when killed by a signal) */
	exited: Promise<number | null>;
	/** sends the signal and waits for the exit; SIGKILL after `killAfterMs` */
	stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
}

export async function startNode(spec: NodeSpec): Promise<NodeProcess> {
	const host = spec.host ?? '127.0.0.1';
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		cwd: root,
		env: { ...process.env, ...spec.env, PORT: String(spec.port), HOST: host },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk;
		spec.onOutput?.(String(chunk));
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${spec.port}`;
	const node: NodeProcess = {
		name: spec.name,
		port: spec.port,
		url,
		process: child,
		output: () => output,
		exited,
		async stop(signal = 'SIGTERM', killAfterMs = 20_000) {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			child.kill(signal);
			const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
			const code = await exited;
			clearTimeout(timer);
			return code;
		}
	};
	// alive (/healthz) is enough here: readiness is the load balancer's business
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${spec.name} exited (${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) return node;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await node.stop('SIGKILL');
			throw new Error(`${spec.name} did not answer /healthz within 90 s:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
}
