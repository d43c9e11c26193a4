// The demo simulator books too (issue 12): about 30 % of its citizens come with a booking made
// through the real booking service and checked in at the kiosk, so the screens and the manager's
// figures show booked tickets. Against a real database: bookings are made on the one ledger, checked
// in as tickets of source 'booking', never oversell a window or the day, and nothing is refused
// that a demo would log as an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/lib/server/simulator/simulator';
import { createWorld, type World } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let db: TestDatabase;
let world: World;
let simulator: Simulator | undefined;
const logged: string[] = [];

beforeAll(async () => {
	db = await createTestDatabase();
	world = await createWorld(db.sql);
});

afterAll(async () => {
	await simulator?.stop();
	await db?.drop();
});

async function until(done: () => Promise<boolean>, seconds: number): Promise<void> {
	const end = Date.now() + seconds * 1000;
	while (Date.now() < end && !(await done())) await new Promise((r) => setTimeout(r, 200));
}

describe('demo simulator bookings', () => {
	it('books about a third of its arrivals and checks them in as booked tickets', async () => {
		const jakarta = world.mpps[0];
		// The simulated day runs 600× faster than the real windows it books: give each window the
		// places of a real morning (all of the counters' throughput bookable, one-minute services).
		await db.sql`
			UPDATE services SET booking_share = 100, expected_service_minutes = 1 WHERE mpp_id = ${jakarta.id}`;
		simulator = await startSimulator(db.sql, {
			speed: 600,
			tickMs: 100,
			startClock: '09:00',
			ticketsPerWeekday: () => 600,
			mppIds: [jakarta.id],
			seed: 5,
			reportEveryMs: 0,
			log: (line) => logged.push(line)
		});
		// sixty citizens, however slowly a loaded machine ticks
		await until(async () => {
			const [row] = await db.sql`SELECT count(*)::int AS n FROM tickets WHERE mpp_id = ${jakarta.id}`;
			return row.n >= 60;
		}, 90);
		await simulator.stop();
		const stats = simulator.stats()[`jakarta-uji`];

		const [tickets] = await db.sql<{ booked: number; all: number }[]>`
			SELECT count(*) FILTER (WHERE source = 'booking')::int AS booked, count(*)::int AS all
			FROM tickets WHERE mpp_id = ${jakarta.id}`;
		expect(tickets.all).toBeGreaterThanOrEqual(60);
		// about 30 %: well above nothing and well below all of them
		expect(tickets.booked / tickets.all).toBeGreaterThan(0.1);
		expect(tickets.booked / tickets.all).toBeLessThan(0.6);
		expect(stats.checkedIn).toBe(tickets.booked);

		// every booked ticket came from a booking of the simulator that is now checked in
		const orphans = await db.sql`
			SELECT t.id FROM tickets t LEFT JOIN bookings b ON b.ticket_id = t.id
			WHERE t.source = 'booking' AND (b.id IS NULL OR b.status <> 'checked_in')`;
		expect(orphans).toEqual([]);
		// and more were booked ahead than have come yet: windows later today or tomorrow
		const [open] = await db.sql`SELECT count(*)::int AS n FROM bookings WHERE status = 'booked'`;
		expect(open.n).toBeGreaterThan(0);

		// no window holds more bookings than its places, and no day passes its quota
		const overfull = await db.sql`
			SELECT b.service_id, b.slot_start, count(*) FROM bookings b
			WHERE b.status <> 'cancelled' GROUP BY 1, 2
			HAVING count(*) > (
				SELECT floor(count(*) * 15.0 / s.expected_service_minutes * s.booking_share / 100)
				FROM counter_services cs JOIN counters k ON k.id = cs.counter_id AND k.active
					JOIN services s ON s.id = cs.service_id
				WHERE cs.service_id = b.service_id GROUP BY s.expected_service_minutes, s.booking_share)`;
		expect(overfull).toEqual([]);
		const overQuota = await db.sql`
			SELECT c.service_id FROM ticket_daily_counters c JOIN services s ON s.id = c.service_id
			WHERE s.daily_quota IS NOT NULL AND c.last_seq + c.booked > s.daily_quota`;
		expect(overQuota).toEqual([]);

		// nothing the simulator did was refused as an error (full windows only make walk-ins)
		expect(logged.filter((line) => line.startsWith('Simulator:'))).toEqual([]);
	}, 150_000);
});
