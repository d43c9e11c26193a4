// Bookings never checked in by their window's end plus the check-in grace become no_show (counted
// apart from walk-in no-shows: ASAN saw 29 %, Bantul half), and their places go back to the day's
// quota for walk-ins. Runs from a cluster beat (realtime/booking-sweep.ts); safe to run twice at once.
import type { Sql } from '../db/client';
import { addBooked, markNoShows } from '../db/bookings';

export async function sweepNoShows(sql: Sql, now = new Date(), batch = 500): Promise<number> {
	return sql.begin(async (tx) => {
		const marked = await markNoShows(tx, now, batch);
		const perDay = new Map<string, { serviceId: string; localDate: string; n: number }>();
		for (const m of marked) {
			const key = `${m.serviceId}|${m.localDate}`;
			const day = perDay.get(key) ?? { ...m, n: 0 };
			day.n += 1;
			perDay.set(key, day);
		}
		// ledger rows in one fixed order, so two sweeps never wait for each other in a circle
		for (const key of [...perDay.keys()].sort()) {
			const day = perDay.get(key)!;
			await addBooked(tx, day.serviceId, day.localDate, -day.n);
		}
		return marked.length;
	});
}
