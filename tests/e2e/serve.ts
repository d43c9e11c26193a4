// The server the e2e tests talk to: a fresh database (a new `antrean_e2e_<random>` on
// DATABASE_URL's server, else embedded PostgreSQL 18 in a temporary directory) seeded with the
// demo world, then the production server on E2E_PORT. SIGTERM drops the database again.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrate, startEmbedded, type Database } from '../../server/database';
import { startServer, type RunningServer } from '../../server/index';
import { createSql } from '../../src/lib/server/db/client';
import { ensureDemoDevices } from '../../src/lib/server/demo/devices';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { e2eDatabaseFile, e2eDevicesFile } from './demo';
import { e2ePushCertificate } from './push-certificate';

const port = Number(process.env.E2E_PORT);
const dir = mkdtempSync(join(tmpdir(), 'antrean-e2e-'));
// embedded PostgreSQL runs as the `postgres` user when we are root: it must reach its data dir
chmodSync(dir, 0o755);

async function freshDatabase(): Promise<Database> {
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) return startEmbedded(join(dir, 'pg'), 'antrean');
	const name = `antrean_e2e_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		embedded: false,
		async stop() {
			const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await again.end();
		}
	};
}

let database: Database | undefined;
let server: RunningServer | undefined;
let stopping = false;
async function stop(code = 0) {
	if (stopping) return;
	stopping = true;
	await server?.close().catch((error) => console.error(error));
	await database?.stop().catch((error) => console.error(error));
	rmSync(dir, { recursive: true, force: true });
	rmSync(e2eDevicesFile(port), { force: true });
	rmSync(e2eDatabaseFile(port), { force: true });
	rmSync(e2ePushCertificate(port).dir, { recursive: true, force: true });
	process.exit(code);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

try {
	database = await freshDatabase();
	await migrate(database.url);
	const sql = createSql(database.url, 2);
	await seedDemo(sql);
	await ensureDemoDevices(sql, e2eDevicesFile(port));
	// The suite runs at any hour: every demo MPP issues tickets round the clock, so a test that takes a
	// ticket does not fail after 15:00 WIB. A test that needs a refusal sets it up through e2eSql().
	const allDay = Object.fromEntries(
		['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [['00:00', '24:00']]])
	);
	await sql`UPDATE mpps SET opening_hours = ${sql.json(allDay)}`;
	await sql.end();
	writeFileSync(e2eDatabaseFile(port), database.url);
	// adapter-node assumes https unless ORIGIN names the origin: form posts would be refused
	process.env.ORIGIN = `http://localhost:${port}`;
	server = await startServer({ port, host: '127.0.0.1', databaseUrl: database.url, log: () => {} });
	console.log(`e2e server on ${server.url} (${database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
} catch (error) {
	console.error(error);
	await stop(1);
}
