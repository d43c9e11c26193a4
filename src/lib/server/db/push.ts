// Web Push rows (issue 12): the server's VAPID keys, the browsers' subscriptions per ticket (or booking) and the
// delivery claims that make each message go out once (migration 0016).
import type { Db, Sql } from './client';

export interface PushKeyRow {
	publicKey: string;
	privateKey: string;
}

export interface PushTarget {
	subscriptionId: string;
	endpoint: string;
	p256dh: string;
	auth: string;
}

/** A message some subscription should get now and has not been claimed for yet. */
export interface DuePush extends PushTarget {
	ticketId: string;
	trackCode: string;
	number: string;
	locale: 'id' | 'en';
	/** "near:3" or "called:2": the claim's key */
	message: string;
	kind: 'near' | 'called';
	ahead: number | null;
	counterName: string | null;
}

export interface ClaimedPush extends PushTarget {
	message: string;
	payload: unknown;
}

export async function readPushKeys(db: Db): Promise<PushKeyRow | undefined> {
	const [row] = await db<PushKeyRow[]>`
		SELECT public_key AS "publicKey", private_key AS "privateKey" FROM push_keys`;
	return row;
}

/** Stores a pair unless one exists; the first node to store wins and every node reads that one. */
export async function insertPushKeys(db: Db, keys: PushKeyRow): Promise<void> {
	await db`
		INSERT INTO push_keys (public_key, private_key) VALUES (${keys.publicKey}, ${keys.privateKey})
		ON CONFLICT (id) DO NOTHING`;
}

/** The ticket a track code names and whether it still waits, is called or is served. */
export async function findTicketForPush(
	db: Db,
	trackCode: string
): Promise<{ id: string; active: boolean } | undefined> {
	const [row] = await db<{ id: string; active: boolean }[]>`
		SELECT id, status IN ('waiting', 'called', 'serving') AS active FROM tickets WHERE track_code = ${trackCode}`;
	return row;
}

/** Whose subscription it is: a ticket's, or a booking's before its check-in. */
export type PushOwner = { ticketId: string } | { bookingId: string };

/**
 * Adds (or refreshes the keys of) a browser's subscription for the ticket or booking, unless it
 * already has `limit` other ones. The owner's advisory lock makes the count and the insert one step,
 * so parallel posts cannot pass the limit together.
 */
export async function upsertPushSubscription(
	sql: Sql,
	input: { id: string; owner: PushOwner; endpoint: string; p256dh: string; auth: string; locale: string },
	limit: number
): Promise<'saved' | 'limit'> {
	const ticketId = 'ticketId' in input.owner ? input.owner.ticketId : null;
	const bookingId = 'bookingId' in input.owner ? input.owner.bookingId : null;
	const ownerId = (ticketId ?? bookingId)!;
	const column = ticketId ? sql`ticket_id` : sql`booking_id`;
	return sql.begin(async (tx) => {
		await tx`SELECT pg_advisory_xact_lock(hashtextextended(${'push:' + ownerId}, 0))`;
		const [{ others }] = await tx<{ others: number }[]>`
			SELECT count(*)::int AS others FROM push_subscriptions
			WHERE ${column} = ${ownerId} AND endpoint <> ${input.endpoint}`;
		if (others >= limit) return 'limit' as const;
		await tx`
			INSERT INTO push_subscriptions (id, ticket_id, booking_id, endpoint, p256dh, auth, locale)
			VALUES (${input.id}, ${ticketId}, ${bookingId}, ${input.endpoint}, ${input.p256dh}, ${input.auth},
				${input.locale})
			ON CONFLICT (${column}, endpoint)
			DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth, locale = excluded.locale`;
		return 'saved' as const;
	});
}

/** At check-in the booking's browsers follow the ticket it became (the caller's transaction). */
export async function carryPushSubscriptions(db: Db, bookingId: string, ticketId: string): Promise<void> {
	await db`UPDATE push_subscriptions SET ticket_id = ${ticketId} WHERE booking_id = ${bookingId}`;
}

/** A booking's reminder due now and not claimed yet: its window starts within the MPP's reminder time. */
export interface DueReminder extends PushTarget {
	bookingId: string;
	code: string;
	slug: string;
	mppName: string;
	timezone: string;
	slotStart: Date;
	checkinBeforeMinutes: number;
	locale: 'id' | 'en';
	message: string;
}

export async function listDueReminders(db: Db): Promise<DueReminder[]> {
	return db<DueReminder[]>`
		SELECT s.id AS "subscriptionId", s.endpoint, s.p256dh, s.auth, s.locale, b.id AS "bookingId", b.code,
			m.slug, m.name AS "mppName", m.timezone, b.slot_start AS "slotStart",
			m.checkin_before_minutes AS "checkinBeforeMinutes", 'reminder' AS message
		FROM push_subscriptions s
		JOIN bookings b ON b.id = s.booking_id
		JOIN mpps m ON m.id = b.mpp_id
		WHERE s.ticket_id IS NULL AND b.status = 'booked'
			AND b.slot_start <= now() + make_interval(mins => m.booking_reminder_minutes)
			AND b.slot_start > now() - make_interval(mins => m.checkin_after_minutes)
			AND NOT EXISTS (
				SELECT 1 FROM push_deliveries d WHERE d.subscription_id = s.id AND d.message = 'reminder'
			)`;
}

export async function countPushSubscriptions(db: Db, ticketId: string): Promise<number> {
	const [{ count }] = await db<{ count: number }[]>`
		SELECT count(*)::int AS count FROM push_subscriptions WHERE ticket_id = ${ticketId}`;
	return count;
}

export async function deletePushSubscription(db: Db, id: string): Promise<void> {
	await db`DELETE FROM push_subscriptions WHERE id = ${id}`;
}

/** A ticket that ended (done, cancelled, no-show, expired) needs no more pushes: its rows go; so do a closed booking's. */
export async function deleteEndedPushSubscriptions(db: Db): Promise<number> {
	const rows = await db`
		DELETE FROM push_subscriptions s USING tickets t
		WHERE t.id = s.ticket_id AND t.status NOT IN ('waiting', 'called', 'serving')
		RETURNING s.id`;
	// a booking cancelled or not come (no ticket to follow): nothing more to remind of
	const bookings = await db`
		DELETE FROM push_subscriptions s USING bookings b
		WHERE s.ticket_id IS NULL AND b.id = s.booking_id AND b.status <> 'booked'
		RETURNING s.id`;
	return rows.length + bookings.length;
}

/**
 * Every message due now and not claimed yet, read from the committed queue state: "near" while the
 * ticket waits with at most the MPP's threshold ahead (counted as positions.ts counts them: a
 * priority ticket only has priority tickets ahead), "called" for each call of the last two minutes
 * (the message's TTL: later it would only confuse).
 */
export async function listDuePushes(db: Db): Promise<DuePush[]> {
	return db<DuePush[]>`
		WITH subs AS (
			SELECT s.id AS subscription_id, s.endpoint, s.p256dh, s.auth, s.locale, t.id AS ticket_id,
				t.track_code, t.number, t.status, t.call_count, t.called_at, t.service_id, t.queued_at,
				t.priority_group, t.local_date, t.mpp_id, m.notify_near_ahead, c.name AS counter_name
			FROM push_subscriptions s
			JOIN tickets t ON t.id = s.ticket_id
			JOIN mpps m ON m.id = t.mpp_id
			LEFT JOIN counters c ON c.id = t.counter_id
			WHERE t.status IN ('waiting', 'called', 'serving')
		),
		due AS (
			SELECT subs.*, 'called:' || call_count AS message, 'called' AS kind, NULL::int AS ahead
			FROM subs
			WHERE status IN ('called', 'serving') AND call_count > 0
				AND called_at > now() - interval '120 seconds'
			UNION ALL
			SELECT subs.*, 'near:' || notify_near_ahead, 'near', a.ahead
			FROM subs
			CROSS JOIN LATERAL (
				SELECT count(*)::int AS ahead FROM tickets o
				WHERE o.service_id = subs.service_id AND o.status = 'waiting' AND o.local_date = subs.local_date
					AND (o.queued_at, o.id) < (subs.queued_at, subs.ticket_id)
					AND (subs.priority_group IS NULL OR o.priority_group IS NOT NULL)
			) a
			WHERE status = 'waiting' AND a.ahead <= notify_near_ahead
				AND local_date = mpp_local_date(mpp_id, now())
		)
		SELECT subscription_id AS "subscriptionId", endpoint, p256dh, auth, locale, ticket_id AS "ticketId",
			track_code AS "trackCode", number, message, kind, ahead, counter_name AS "counterName"
		FROM due
		WHERE NOT EXISTS (
			SELECT 1 FROM push_deliveries d WHERE d.subscription_id = due.subscription_id AND d.message = due.message
		)`;
}

/** The claim: true for the one caller whose insert made the row, false for everyone else. */
export async function claimPush(
	db: Db,
	subscriptionId: string,
	message: string,
	payload: unknown
): Promise<boolean> {
	const rows = await db`
		INSERT INTO push_deliveries (subscription_id, message, payload)
		VALUES (${subscriptionId}, ${message}, ${db.json(payload as never)})
		ON CONFLICT DO NOTHING RETURNING message`;
	return rows.length === 1;
}

/**
 * Claims again the deliveries that were claimed but never accepted (the sender crashed, the push
 * service failed), at most `maxAttempts` times and only while the message is still worth sending.
 */
export async function reclaimUnsentPushes(
	db: Db,
	staleSeconds: number,
	maxAttempts: number
): Promise<ClaimedPush[]> {
	return db<ClaimedPush[]>`
		UPDATE push_deliveries d SET attempts = d.attempts + 1, claimed_at = now()
		FROM push_subscriptions s
		WHERE s.id = d.subscription_id AND d.sent_at IS NULL AND d.attempts < ${maxAttempts}
			AND d.claimed_at < now() - make_interval(secs => ${staleSeconds})
			AND d.claimed_at > now() - interval '5 minutes'
		RETURNING s.id AS "subscriptionId", s.endpoint, s.p256dh, s.auth, d.message, d.payload`;
}

export async function markPushSent(db: Db, subscriptionId: string, message: string): Promise<void> {
	await db`
		UPDATE push_deliveries SET sent_at = now()
		WHERE subscription_id = ${subscriptionId} AND message = ${message}`;
}
