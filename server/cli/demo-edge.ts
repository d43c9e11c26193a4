// The edge half of `npm run demo -- --edge`, in its own process (one SvelteKit server per process):
// the production server in edge mode (ANTREAN_MODE and the rest come from the parent), and, once the
// MPP's configuration has arrived from the centre, the live simulator for that one MPP, so the hall
// keeps working while the parent cuts and restores the link.
import { getSql } from '../../src/lib/server/db/client';
import { demoTicketsPerWeekday } from '../../src/lib/server/demo/volume';
import { startSimulator, type Simulator } from '../../src/lib/server/simulator/simulator';
import { startServer } from '../index';
import { logUnhandledRejections } from '../unhandled';

const log = (line: string) => console.log(`[edge] ${line}`);

async function run(): Promise<void> {
	logUnhandledRejections();
	const server = await startServer({
		port: Number(process.env.PORT),
		host: process.env.HOST,
		databaseUrl: process.env.DATABASE_URL,
		log
	});
	let simulator: Simulator | undefined;
	const speed = Number(process.env.ANTREAN_DEMO_SPEED ?? 1);
	if (process.env.ANTREAN_DEMO_SIMULATE !== '0') {
		const slug = process.env.ANTREAN_EDGE_MPP!;
		// the MPP exists here only after the first configuration pull
		for (;;) {
			const [mpp] = await getSql()<{ id: string }[]>`SELECT id FROM mpps WHERE slug = ${slug}`;
			if (mpp) {
				simulator = await startSimulator(getSql(), {
					speed,
					mppIds: [mpp.id],
					ticketsPerWeekday: demoTicketsPerWeekday,
					log
				});
				log(simulator.describe());
				break;
			}
			await new Promise((r) => setTimeout(r, 500));
		}
	}
	const stop = async () => {
		await simulator?.stop();
		await server.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void stop());
	process.once('SIGTERM', () => void stop());
}

run().catch((error) => {
	log(`could not start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
