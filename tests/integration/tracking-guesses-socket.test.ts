// `ticket:follow` is a track-code lookup like /t/<code> and GET /api/v1/tickets/<code>, so a client
// guessing codes over the socket meets the same per-client limit, shared with its HTTP guesses. The
// production server behind a pretend proxy (ADDRESS_HEADER=x-forwarded-for): each client is the
// forwarded address its socket handshake and its requests carry. Real sockets, real PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientSocket } from '../../src/lib/realtime/socket';
import { issueTicket } from '../../src/lib/server/queue';
import { UNKNOWN_CODE_LIMIT } from '../../src/lib/server/throttle/guesses';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { ackCode, client, closeClients, connected, followTicket } from './realtime-harness';

let db: TestDatabase;
let app: AppServer;
let world: World;
let trackCode: string;

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
	const mpp = world.mpps[0];
	const issued = await issueTicket(db.sql, { mppId: mpp.id, serviceId: mpp.services.c, actor: {} });
	trackCode = issued.ticket.trackCode;
	app = await startAppServer(db.url, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterEach(() => closeClients());
afterAll(async () => {
	await app?.stop();
	await db?.drop();
});

/** A phone behind the proxy: the proxy appended `address` to whatever the phone itself claimed. */
async function phone(address: string): Promise<ClientSocket> {
	const socket = client(app.url, { headers: { 'x-forwarded-for': `10.9.9.9, ${address}` } });
	await connected(socket);
	return socket;
}

const lookUp = (code: string, address: string) =>
	fetch(`${app.url}/api/v1/tickets/${code}`, { headers: { 'x-forwarded-for': address } });

describe('ticket:follow and the unknown-code limit', () => {
	it('refuses a socket that keeps guessing with the HTTP door’s code, message and wait, and stays connected', async () => {
		const socket = await phone('198.51.100.20');
		for (let i = 0; i < UNKNOWN_CODE_LIMIT; i++) {
			expect(ackCode(await followTicket(socket, { trackCode: `tebakan${i}abc` })), `guess ${i + 1}`).toBe(
				'ticket_not_found'
			);
		}
		const refused = await followTicket(socket, { trackCode: 'tebakanlagi' });
		if (!('error' in refused)) throw new Error('a guess past the limit was answered');
		expect(refused.error).toMatchObject({
			code: 'too_many_unknown_codes',
			message: expect.stringMatching(/coba lagi dalam \d+ menit/),
			retryAfterSeconds: expect.any(Number)
		});
		expect(refused.error.retryAfterSeconds).toBeGreaterThan(0);
		// the HTTP door says the same to this client
		const http = await lookUp('tebakanhttp', '198.51.100.20');
		expect(http.status).toBe(429);
		expect((await http.json()).error.message).toBe(refused.error.message);
		// not a disconnect: the same socket still follows its own ticket
		expect(socket.connected).toBe(true);
		const own = await followTicket(socket, { trackCode });
		expect(ackCode(own)).toBe('ok');
	});

	it('counts HTTP and socket guesses of one client in one limit, in either order', async () => {
		const address = '198.51.100.21';
		const half = Math.floor(UNKNOWN_CODE_LIMIT / 2);
		for (let i = 0; i < half; i++) expect((await lookUp(`lewathttp${i}`, address)).status).toBe(404);
		const socket = await phone(address);
		for (let i = half; i < UNKNOWN_CODE_LIMIT; i++) {
			expect(ackCode(await followTicket(socket, { trackCode: `lewatsoket${i}` }))).toBe('ticket_not_found');
		}
		expect(ackCode(await followTicket(socket, { trackCode: 'lewatsoketlagi' }))).toBe(
			'too_many_unknown_codes'
		);
		expect((await lookUp('lewathttplagi', address)).status).toBe(429);
	});

	it('leaves another client alone, on the socket and over HTTP', async () => {
		// 198.51.100.20 is over its limit since the first test; its neighbour is not
		const socket = await phone('198.51.100.22');
		expect(ackCode(await followTicket(socket, { trackCode: 'salahketik1' }))).toBe('ticket_not_found');
		expect((await lookUp('salahketik2', '198.51.100.22')).status).toBe(404);
		const answer = await followTicket(socket, { trackCode });
		if (!('data' in answer)) throw new Error(JSON.stringify(answer));
		expect(answer.data.ticket.trackCode).toBe(trackCode);
		expect(answer.data.position).toBe(1);
	});

	it('answers crafted payloads with a 400-style error ack, without counting or disconnecting', async () => {
		const socket = await phone('198.51.100.23');
		const crafted: unknown[] = [
			{ trackCode: 12345678 },
			{ trackCode: ['abcdefgh'] },
			{ trackCode: { toString: 'abcdefgh' } },
			{ trackCode: null },
			'abcdefgh',
			null,
			JSON.parse('{"trackCode":"abcdefgh","__proto__":{"admin":true}}'),
			{ trackCode: 'a'.repeat(50_000) }
		];
		for (const payload of crafted) {
			const answer = await followTicket(socket, payload);
			expect(ackCode(answer), JSON.stringify(payload).slice(0, 60)).toBe('invalid_payload');
		}
		expect(socket.connected).toBe(true);
		// none of them was a lookup: this client's first unknown code is still a plain not-found
		const [row] = await db.sql`SELECT count(*)::int AS n FROM throttle_counters`;
		expect(ackCode(await followTicket(socket, { trackCode: 'abcdefgh' }))).toBe('ticket_not_found');
		const [after] = await db.sql`SELECT count(*)::int AS n FROM throttle_counters`;
		expect(after.n).toBe(row.n + 1);
	});
});
