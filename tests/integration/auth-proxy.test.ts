// Behind a TLS proxy every connection comes from the proxy. With ADDRESS_HEADER=x-forwarded-for and
// XFF_DEPTH=1 (adapter-node) the production server counts the address the proxy appended instead,
// so one client's guessing does not throttle everybody else behind the same proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, PASSWORD, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let app: AppServer;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	app = await startAppServer(db.url, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterAll(async () => {
	await app?.stop();
	await db.drop();
});

/** A sign-in as the proxy forwards it: the client's address appended last to X-Forwarded-For. */
const signIn = (forwardedFor: string, email: string, password: string) =>
	fetch(`${app.url}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
		body: JSON.stringify({ email, password })
	});

describe('the client address behind a proxy', () => {
	it('throttles two clients with different forwarded addresses separately', async () => {
		const owner = world.mpps[0].users.mpp_admin.email;
		const clientA = '198.51.100.7';
		const clientB = '203.0.113.20';
		// client A guesses the owner's password and sprays other accounts: 20 failures in all
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) statuses.push((await signIn(clientA, owner, `salah-${i}`)).status);
		for (let i = 0; i < 15; i++) statuses.push((await signIn(clientA, `tebak${i}@uji.test`, 'salah')).status);
		expect(statuses).toEqual(Array(20).fill(401));
		const refused = await signIn(clientA, 'lagi@uji.test', 'salah');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await refused.json()).error.code).toBe('too_many_attempts');

		// client B, behind the same proxy, is not affected: its failures are its own, and the owner gets in
		expect((await signIn(clientB, 'lagi@uji.test', 'salah')).status).toBe(401);
		const ownerFromB = await signIn(clientB, owner, PASSWORD);
		expect(ownerFromB.status).toBe(200);
		expect((await ownerFromB.json()).user.email).toBe(owner);
	});

	it('counts the address the proxy appended, not one the client wrote in front of it', async () => {
		// client A pretends to be client C; the proxy appends A's real address, which is the one counted
		const spoofed = await signIn('192.0.2.99, 198.51.100.7', 'lagi@uji.test', 'salah');
		expect(spoofed.status).toBe(429);
		expect((await signIn('192.0.2.99', 'lagi@uji.test', 'salah')).status).toBe(401);
	});
});
