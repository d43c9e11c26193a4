// Booking rows and the booking side of the day's quota ledger: one query per function, no rules
// (rules live in $lib/server/booking).
import type { Db } from './client';

export const bookingStatuses = ['booked', 'cancelled', 'checked_in', 'no_show', 'late_walk_in'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export interface Booking {
	id: string;
	mppId: string;
	serviceId: string;
	localDate: string;
	slotStart: Date;
	code: string;
	name: string;
	phone: string | null;
	phoneConsentAt: Date | null;
	status: BookingStatus;
	ticketId: string | null;
	createdAt: Date;
	cancelledAt: Date | null;
	checkedInAt: Date | null;
}

export interface NewBooking {
	id: string;
	mppId: string;
	serviceId: string;
	localDate: string;
	slotStart: Date;
	code: string;
	name: string;
	phone: string | null;
	phoneConsentAt: Date | null;
	clientKey: string;
	createdAt: Date;
}

const columns = (db: Db) => db`
	id, mpp_id AS "mppId", service_id AS "serviceId", local_date::text AS "localDate", slot_start AS "slotStart",
	code, name, phone, phone_consent_at AS "phoneConsentAt", status, ticket_id AS "ticketId",
	created_at AS "createdAt", cancelled_at AS "cancelledAt", checked_in_at AS "checkedInAt"`;

/**
 * Takes the service-day's ledger row FOR UPDATE (creating it), as walk-in numbering does: whatever is
 * read under it until COMMIT (tickets numbered, places booked) cannot change under the caller.
 */
export async function lockLedger(
	db: Db,
	serviceId: string,
	localDate: string
): Promise<{ lastSeq: number; booked: number }> {
	const [row] = await db<{ lastSeq: number; booked: number }[]>`
		INSERT INTO ticket_daily_counters (service_id, local_date, last_seq) VALUES (${serviceId}, ${localDate}, 0)
		ON CONFLICT (service_id, local_date) DO UPDATE SET last_seq = ticket_daily_counters.last_seq
		RETURNING last_seq AS "lastSeq", booked`;
	return row;
}

/** Moves places between "booked" and free: +1 on booking, −1 on cancel or no-show. */
export async function addBooked(db: Db, serviceId: string, localDate: string, delta: number): Promise<void> {
	await db`
		UPDATE ticket_daily_counters SET booked = booked + ${delta}
		WHERE service_id = ${serviceId} AND local_date = ${localDate}`;
}

export async function readLedger(
	db: Db,
	serviceId: string,
	localDate: string
): Promise<{ lastSeq: number; booked: number }> {
	const [row] = await db<{ lastSeq: number; booked: number }[]>`
		SELECT last_seq AS "lastSeq", booked FROM ticket_daily_counters
		WHERE service_id = ${serviceId} AND local_date = ${localDate}`;
	return row ?? { lastSeq: 0, booked: 0 };
}

/** Places taken per window of a service-day (every booking but a cancelled one holds its window). */
export async function countSlotBookings(
	db: Db,
	serviceId: string,
	localDate: string
): Promise<{ slotStart: Date; taken: number }[]> {
	return db<{ slotStart: Date; taken: number }[]>`
		SELECT slot_start AS "slotStart", count(*)::int AS taken FROM bookings
		WHERE service_id = ${serviceId} AND local_date = ${localDate} AND status <> 'cancelled'
		GROUP BY slot_start`;
}

export async function countSlotTaken(
	db: Db,
	serviceId: string,
	localDate: string,
	slotStart: Date
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM bookings
		WHERE service_id = ${serviceId} AND local_date = ${localDate} AND slot_start = ${slotStart}
			AND status <> 'cancelled'`;
	return row.n;
}

/** Active bookings of one phone number at one MPP for one day. */
export async function countPhoneBookings(
	db: Db,
	mppId: string,
	phone: string,
	localDate: string
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM bookings
		WHERE phone = ${phone} AND local_date = ${localDate} AND mpp_id = ${mppId} AND status <> 'cancelled'`;
	return row.n;
}

/** Bookings one client made since an instant (cancelled ones count too: cancel-and-rebook is a tout's trick). */
export async function countClientBookings(db: Db, clientKey: string, since: Date): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM bookings WHERE client_key = ${clientKey} AND created_at >= ${since}`;
	return row.n;
}

/** Counters that serve a service: its throughput, from which a window's capacity follows. */
export async function countServiceCounters(db: Db, serviceId: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		SELECT count(*)::int AS n FROM counter_services cs JOIN counters c ON c.id = cs.counter_id
		WHERE cs.service_id = ${serviceId} AND c.active`;
	return row.n;
}

export async function insertBooking(db: Db, b: NewBooking): Promise<Booking> {
	const [row] = await db<Booking[]>`
		INSERT INTO bookings (id, mpp_id, service_id, local_date, slot_start, code, name, phone, phone_consent_at,
			client_key, created_at)
		VALUES (${b.id}, ${b.mppId}, ${b.serviceId}, ${b.localDate}, ${b.slotStart}, ${b.code}, ${b.name}, ${b.phone},
			${b.phoneConsentAt}, ${b.clientKey}, ${b.createdAt})
		RETURNING ${columns(db)}`;
	return row;
}

export async function findBookingByCode(db: Db, code: string): Promise<Booking | undefined> {
	const [row] = await db<Booking[]>`SELECT ${columns(db)} FROM bookings WHERE code = ${code}`;
	return row;
}

export async function lockBookingByCode(db: Db, code: string): Promise<Booking | undefined> {
	const [row] = await db<Booking[]>`SELECT ${columns(db)} FROM bookings WHERE code = ${code} FOR UPDATE`;
	return row;
}

export async function updateBooking(
	db: Db,
	id: string,
	patch: { status: BookingStatus; cancelled_at?: Date; checked_in_at?: Date; ticket_id?: string }
): Promise<Booking> {
	const [row] = await db<Booking[]>`
		UPDATE bookings SET ${db(patch as Record<string, unknown>)} WHERE id = ${id} RETURNING ${columns(db)}`;
	return row;
}

/**
 * Marks as no-show the bookings still open whose check-in ended before `before` (slot start + window,
 * per MPP), at most `limit` per call, skipping rows a check-in holds; returns each one's ledger key.
 */
export async function markNoShows(
	db: Db,
	at: Date,
	limit: number
): Promise<{ serviceId: string; localDate: string }[]> {
	return db<{ serviceId: string; localDate: string }[]>`
		WITH due AS (
			SELECT b.id FROM bookings b JOIN mpps m ON m.id = b.mpp_id
			WHERE b.status = 'booked'
				AND b.slot_start < ${at}::timestamptz - make_interval(mins => 15 + m.checkin_after_minutes)
				-- an edge-served MPP's hall decides its no-shows; they come back through the outbox (issue 13)
				AND NOT EXISTS (SELECT 1 FROM edge_nodes e WHERE e.mpp_id = b.mpp_id AND e.revoked_at IS NULL)
			ORDER BY b.slot_start LIMIT ${limit}
			FOR UPDATE OF b SKIP LOCKED
		)
		UPDATE bookings SET status = 'no_show' FROM due WHERE bookings.id = due.id
		RETURNING bookings.service_id AS "serviceId", bookings.local_date::text AS "localDate"`;
}

/** Removes the phone number (and its consent) of bookings whose day ended before `beforeDate`. */
export async function forgetPhones(db: Db, beforeDate: string): Promise<number> {
	const rows = await db`
		UPDATE bookings SET phone = NULL, phone_consent_at = NULL
		WHERE phone IS NOT NULL AND local_date < ${beforeDate}::date`;
	return rows.count;
}

/**
 * An edge adopts a booking it never received (made after its link dropped) from the centre's signed QR
 * (issue 13): same id and code as at the centre, so the check-in that goes back finds it there.
 */
export async function adoptSignedBooking(
	db: Db,
	b: { id: string; code: string; mppId: string; serviceId: string; slotStart: Date; name: string }
): Promise<void> {
	await db`
		INSERT INTO bookings (id, mpp_id, service_id, local_date, slot_start, code, name, client_key, status, created_at)
		SELECT ${b.id}, ${b.mppId}, s.id, mpp_local_date(${b.mppId}, ${b.slotStart}), ${b.slotStart}, ${b.code},
			${b.name}, 'qr', 'booked', now()
		FROM services s WHERE s.id = ${b.serviceId} AND s.mpp_id = ${b.mppId}
		ON CONFLICT DO NOTHING`;
}
