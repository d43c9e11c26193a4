// Bookings from the centre to an edge (issue 13): citizens book at the centre (the public page and the
// API), the hall checks them in at the edge, also while the link is down, because each booking arrived
// ahead of its day. Pages of at most BOOKING_PAGE rows, resumable from the edge's mark.
import type { Db, Sql } from '../db/client';
import {
	applyBookingsAtEdge,
	readBookingsForEdge,
	readBookingsThrough,
	writeBookingsThrough,
	type BookingPage
} from '../db/edge-bookings';
import { callCentre, type EdgeMode } from './centre-client';

export const BOOKING_PAGE = 500;

/** At the centre: the MPP's bookings changed since `since` (ISO), oldest change first. */
export function bookingsForEdge(db: Db, mppId: string, since: string | null): Promise<BookingPage> {
	return readBookingsForEdge(db, mppId, since, BOOKING_PAGE);
}

/** At the edge: pulls pages until the centre has nothing newer (at most `maxPages` per beat). */
export async function pullBookings(sql: Sql, mode: EdgeMode, maxPages = 10): Promise<number> {
	let received = 0;
	for (let page = 0; page < maxPages; page++) {
		const since = await readBookingsThrough(sql);
		const answer = await callCentre<BookingPage>(
			mode,
			`/api/v1/edge/bookings${since ? `?since=${encodeURIComponent(since)}` : ''}`
		);
		if (!answer.through) break;
		await sql.begin(async (tx) => {
			await applyBookingsAtEdge(tx, answer.rows);
			await writeBookingsThrough(tx, answer.through!);
		});
		received += answer.rows.length;
		// a page with room left was the last one (the minute of overlap always comes again)
		if (answer.rows.length < BOOKING_PAGE || answer.through === since) break;
	}
	return received;
}
