// Bookings between the centre and an edge (issue 13, migration 0025). Down: the MPP's bookings from
// yesterday on, by when each row last changed, without the phone number (reminders stay the centre's;
// UU 27/2022: no copy where it is not needed). Up: what the hall decided (check-in, no-show).
import type { Db, Tx } from './client';

export interface BookingPage {
	rows: Record<string, unknown>[];
	/** the newest updated_at in the page (exact, as text), or null when the page is empty */
	through: string | null;
}

/** Rows changed after `since` less a minute: a transaction that committed late is read again, never missed. */
export async function readBookingsForEdge(
	db: Db,
	mppId: string,
	since: string | null,
	limit: number
): Promise<BookingPage> {
	const [page] = await db<BookingPage[]>`
		SELECT coalesce(jsonb_agg(j ORDER BY u, id), '[]') AS rows, to_json(max(u)) #>> '{}' AS through
		FROM (
			SELECT b.id, b.updated_at AS u,
				to_jsonb(b) - 'phone' - 'phone_consent_at' || jsonb_build_object('client_key', 'centre') AS j
			FROM bookings b JOIN mpps m ON m.id = b.mpp_id
			WHERE b.mpp_id = ${mppId} AND b.local_date >= (now() AT TIME ZONE m.timezone)::date - 1
				AND (${since}::timestamptz IS NULL OR b.updated_at > ${since}::timestamptz - interval '1 minute')
			ORDER BY b.updated_at, b.id LIMIT ${limit}
		) x`;
	return page;
}

/**
 * At the edge: the centre's bookings. A booking the hall has not acted on follows the centre (a
 * cancellation, a new one); one the hall checked in or marked stays as the hall left it.
 */
export async function applyBookingsAtEdge(tx: Tx, rows: Record<string, unknown>[]): Promise<void> {
	if (!rows.length) return;
	await tx`
		INSERT INTO bookings SELECT * FROM jsonb_populate_recordset(NULL::bookings, ${tx.json(rows as never)}::jsonb)
		ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, cancelled_at = EXCLUDED.cancelled_at,
			name = EXCLUDED.name, slot_start = EXCLUDED.slot_start, local_date = EXCLUDED.local_date
		WHERE bookings.status = 'booked'`;
}

export async function readBookingsThrough(db: Db): Promise<string | null> {
	const [row] = await db<{ through: string | null }[]>`
		SELECT to_json(bookings_through) #>> '{}' AS through FROM edge_config_state`;
	return row?.through ?? null;
}

export async function writeBookingsThrough(db: Db, through: string): Promise<void> {
	await db`UPDATE edge_config_state SET bookings_through = greatest(bookings_through, ${through}::timestamptz)`;
}

/**
 * At the centre: the hall's check-ins and no-shows, only forward (an open or no-show booking takes
 * the hall's word; a cancelled one stays cancelled), only for the edge's MPP and its own tickets.
 */
export async function applyHallBookings(
	tx: Tx,
	mppId: string,
	rows: Record<string, unknown>[]
): Promise<number> {
	if (!rows.length) return 0;
	const result = await tx`
		UPDATE bookings b SET status = r.status, ticket_id = r.ticket_id, checked_in_at = r.checked_in_at
		FROM jsonb_to_recordset(${tx.json(rows as never)}::jsonb)
			AS r (id uuid, mpp_id uuid, status text, ticket_id uuid, checked_in_at timestamptz)
		WHERE b.id = r.id AND b.mpp_id = ${mppId} AND r.mpp_id = ${mppId}
			AND b.status IN ('booked', 'no_show') AND r.status IN ('checked_in', 'late_walk_in', 'no_show')
			AND b.status IS DISTINCT FROM r.status
			AND (r.ticket_id IS NULL OR EXISTS (SELECT 1 FROM tickets t WHERE t.id = r.ticket_id AND t.mpp_id = ${mppId}))`;
	return result.count;
}
