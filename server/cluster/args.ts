// Command-line options of `npm run cluster`, validated before anything starts.

export interface ClusterOptions {
	nodes: number;
	/** HAProxy's one public port */
	port: number;
	/** where HAProxy listens (HOST, default 127.0.0.1); the nodes stay on loopback */
	host: string;
	simulate: boolean;
	help: boolean;
}

export const clusterUsage = `Usage: npm run cluster -- [--nodes N] [--port N] [--no-simulate]

  --nodes N       run N Antrean nodes behind HAProxy, from 1 to 16 (default 3)
  --port N        HAProxy's public port (default: PORT or 3000)
  --no-simulate   do not run the live simulator
  --help          show this text

Needs haproxy (Debian/Ubuntu: apt-get install -y haproxy; macOS: brew install haproxy).
Environment: HOST (HAProxy's address, default 127.0.0.1), DATABASE_URL (else embedded PostgreSQL
under ANTREAN_DATA_DIR, default ./.antrean), HAPROXY_PATH.`;

export class ClusterArgsError extends Error {}

export function parseClusterArgs(
	argv: string[],
	env: Record<string, string | undefined> = {}
): ClusterOptions {
	const options: ClusterOptions = {
		nodes: 3,
		port: env.PORT ? whole(env.PORT, 'PORT', 1, 65535) : 3000,
		host: env.HOST || '127.0.0.1',
		simulate: true,
		help: false
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new ClusterArgsError(`${flag} needs a value`);
			return v;
		};
		if (flag === '--no-simulate' && inline === undefined) options.simulate = false;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--nodes') options.nodes = whole(value(), '--nodes', 1, 16);
		else if (flag === '--port') options.port = whole(value(), '--port', 1, 65535);
		else throw new ClusterArgsError(`unknown option ${argv[i]}`);
	}
	return options;
}

function whole(text: string, what: string, min: number, max: number): number {
	const n = Number(text);
	if (!/^\d+$/.test(text) || n < min || n > max) {
		throw new ClusterArgsError(`${what} must be a whole number from ${min} to ${max}, not "${text}"`);
	}
	return n;
}
