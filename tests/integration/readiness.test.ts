// /readyz's reasons (src/lib/server/readiness.ts) against a real database, a port where nothing
// answers the PostgreSQL protocol, the draining flag and the bus state.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSql } from '../../src/lib/server/db/client';
import { setBusListening } from '../../src/lib/server/bus/state';
import { notReadyReasons, setDraining } from '../../src/lib/server/readiness';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let silent: Server;
const held: Socket[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	// accepts connections and never says a word: a database that hangs rather than refuses
	silent = createServer((socket) => held.push(socket));
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
	setDraining(false);
	setBusListening(false);
	for (const socket of held) socket.destroy();
	await new Promise((resolve) => silent.close(resolve));
	await db?.drop();
});

it('is ready with a database that answers, a listening bus and no drain', async () => {
	setBusListening(true);
	expect(await notReadyReasons(db.sql)).toEqual([]);
});

it('names every reason at once: draining, bus not listening', async () => {
	setDraining(true);
	setBusListening(false);
	expect(await notReadyReasons(db.sql)).toEqual(['draining', 'bus_not_listening']);
	setDraining(false);
	setBusListening(true);
});

it('gives up on a database that does not answer after its short cap, instead of waiting with it', async () => {
	const port = (silent.address() as { port: number }).port;
	const hanging = createSql(`postgres://postgres@127.0.0.1:${port}/none`, {
		max: 1,
		connectTimeoutSeconds: 30
	});
	try {
		const reasons = await Promise.race([
			notReadyReasons(hanging, 1000),
			// generous: the connection attempt alone would wait 30 s
			new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 10 s'), 10_000))
		]);
		expect(reasons).toEqual(['database_unavailable']);
	} finally {
		await hanging.end({ timeout: 0 });
	}
});
