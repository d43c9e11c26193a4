// Command-line options of `npm run demo`, validated before anything starts.

export interface DemoOptions {
	port: number;
	host: string;
	simulate: boolean;
	/** simulated minutes per real minute */
	speed: number;
	/** keep the MPPs' real opening hours for tickets; by default the demo issues at any hour */
	officeHours: boolean;
	/** MPP Jayapura served by an edge on port+1, with a link the user cuts and restores */
	edge: boolean;
	help: boolean;
}

export const demoUsage = `Usage: npm run demo -- [--port N] [--no-simulate] [--speed N] [--office-hours] [--edge]

  --port N        listen on port N (default: PORT or 3000)
  --no-simulate   do not run the live simulator
  --speed N       run the simulated clock N times faster, from 0.1 to 600 (default 1)
  --office-hours  the kiosks keep the MPPs' real opening hours; by default the demo MPPs
                  hand out tickets at any hour, so the demo can be tried at night
  --edge          also start an edge server for MPP Jayapura on port N+1 (its own database),
                  linked to this centre through a switch: type c + Enter to cut the link,
                  r + Enter to restore it, and watch the hall keep working and the centre catch up
  --help          show this text

Environment: HOST (default 127.0.0.1; 0.0.0.0 lets TVs and phones on your network in),
DATABASE_URL (else embedded PostgreSQL under ANTREAN_DATA_DIR, default ./.antrean).`;

export class DemoArgsError extends Error {}

export const maxSpeed = 600;

export function parseDemoArgs(argv: string[], env: Record<string, string | undefined> = {}): DemoOptions {
	const options: DemoOptions = {
		port: env.PORT ? parsePort(env.PORT, 'PORT') : 3000,
		host: env.HOST || '127.0.0.1',
		simulate: true,
		speed: 1,
		officeHours: false,
		edge: false,
		help: false
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new DemoArgsError(`${flag} needs a value`);
			return v;
		};
		if (flag === '--no-simulate') options.simulate = false;
		else if (flag === '--office-hours' && inline === undefined) options.officeHours = true;
		else if (flag === '--edge' && inline === undefined) options.edge = true;
		else if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--port') options.port = parsePort(value(), '--port');
		else if (flag === '--speed') options.speed = parseSpeed(value());
		else throw new DemoArgsError(`unknown option ${argv[i]}`);
	}
	return options;
}

function parsePort(text: string, what: string): number {
	const port = Number(text);
	if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
		throw new DemoArgsError(`${what} must be a port number from 1 to 65535, not "${text}"`);
	}
	return port;
}

function parseSpeed(text: string): number {
	const speed = Number(text);
	// above 600 (ten simulated minutes a second) a tick's bounded work no longer keeps up
	if (!/^\d*\.?\d+$/.test(text) || !(speed >= 0.1 && speed <= maxSpeed)) {
		throw new DemoArgsError(`--speed must be a number from 0.1 to ${maxSpeed}, not "${text}"`);
	}
	return speed;
}
