// `npm run demo`: build when needed, start the production server on the embedded database (or
// DATABASE_URL), seed the demo world when empty and its past 90 days once, run the live simulator in
// this process, print where to click and who to log in as.
import { join, relative, resolve } from 'node:path';
import { getSql } from '../../src/lib/server/db/client';
import { DemoArgsError, demoUsage, parseDemoArgs, type DemoOptions } from '../../src/lib/server/demo/args';
import { formatDemoBanner } from '../../src/lib/server/demo/banner';
import { demoTicketsPerWeekday } from '../../src/lib/server/demo/volume';
import { startSimulator, type Simulator } from '../../src/lib/server/simulator/simulator';
import { ensureBuild } from '../build';
import { startDatabase } from '../database';
import { startDemoEdge, type DemoEdgeRunning } from '../demo-edge';
import { seedDemoWorld } from '../demo-world';
import { startServer, type RunningServer } from '../index';
import { logUnhandledRejections } from '../unhandled';

async function run(options: DemoOptions): Promise<void> {
	await ensureBuild();
	const dataDir = resolve(process.env.ANTREAN_DATA_DIR ?? '.antrean');
	const database = await startDatabase();
	let server: RunningServer | undefined;
	let simulator: Simulator | undefined;
	let edge: DemoEdgeRunning | undefined;
	const stop = async (signal: string) => {
		console.log(`\n${signal}: stopping the demo…`);
		await edge?.stop();
		// the simulator first: it uses the server's database pool and socket.io
		await simulator?.stop();
		await server?.close();
		await database.stop();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop('SIGINT'));
	process.once('SIGTERM', () => void stop('SIGTERM'));
	try {
		const devices = await seedDemoWorld(database, dataDir, options.officeHours);
		// adapter-node assumes https unless ORIGIN says otherwise, and then refuses every form post
		// (login, language switch) as cross-site: over plain http the demo must name its origin.
		process.env.ORIGIN ||= `http://${browserHost(options.host)}:${options.port}`;
		logUnhandledRejections();
		server = await startServer({ port: options.port, host: options.host, databaseUrl: database.url });
		const pgDir = join(dataDir, 'pg');
		const shown = relative(process.cwd(), pgDir).startsWith('..') ? pgDir : relative(process.cwd(), pgDir);
		const where = database.embedded ? `embedded PostgreSQL 18 in ${shown}` : 'DATABASE_URL';
		if (options.edge) {
			edge = await startDemoEdge({
				centralDatabaseUrl: database.url,
				centralPort: server.port,
				port: options.port + 1,
				host: options.host,
				speed: options.speed,
				simulate: options.simulate
			});
		}
		if (options.simulate) {
			// In this process, on the server's pool: the engine's transactions send every change on the
			// bus, so the simulated day reaches every node's screens like a real counter's would. An
			// edge-served MPP is simulated at its edge, the only writer of its day.
			const mppIds = edge
				? (await getSql()<{ id: string }[]>`SELECT id FROM mpps WHERE active AND slug <> ${edge.slug}`).map(
						(m) => m.id
					)
				: undefined;
			simulator = await startSimulator(getSql(), {
				speed: options.speed,
				ticketsPerWeekday: demoTicketsPerWeekday,
				mppIds
			});
		}
		const simulatorLine = simulator
			? `${simulator.describe()}\n  Virtual operators leave a counter alone for 15 minutes after a person acts there.`
			: 'Live simulator: off (--no-simulate); today stays as it is.';
		console.log(
			formatDemoBanner({
				baseUrl: process.env.ORIGIN ?? server.url,
				devices,
				database: where,
				simulator: simulatorLine,
				edge: edge && { slug: edge.slug, baseUrl: edge.baseUrl }
			})
		);
	} catch (error) {
		await edge?.stop().catch(() => {});
		await simulator?.stop().catch(() => {});
		await server?.close().catch(() => {});
		await database.stop().catch(() => {});
		throw error;
	}
}

/** The host a browser on this machine should use: cookies and the origin check want one name. */
function browserHost(host: string): string {
	return ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host) ? 'localhost' : host;
}

function describe(error: unknown, options: DemoOptions): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'EADDRINUSE') {
		return `Port ${options.port} on ${options.host} is already in use: stop the other program or use --port N.`;
	}
	if (code === 'EACCES') return `No permission to listen on port ${options.port}: use a port above 1024.`;
	return error instanceof Error ? error.message : String(error);
}

let options: DemoOptions;
try {
	options = parseDemoArgs(process.argv.slice(2), process.env);
} catch (error) {
	if (!(error instanceof DemoArgsError)) throw error;
	console.error(`npm run demo: ${error.message}\n\n${demoUsage}`);
	process.exit(1);
}
if (options.help) {
	console.log(demoUsage);
	process.exit(0);
}
run(options).catch((error) => {
	console.error(`npm run demo: ${describe(error, options)}`);
	process.exit(1);
});
