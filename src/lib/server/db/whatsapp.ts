// WhatsApp rows (issue 12, migration 0016): an MPP's business number and Cloud API credentials, the
// citizens who messaged it (phone, linked ticket, service window) and the delivery claims.
import type { Db } from './client';

export interface MppWhatsApp {
	mppId: string;
	businessNumber: string;
	/** null: the Cloud API sender is off, citizens only get the wa.me link */
	phoneNumberId: string | null;
	accessToken: string | null;
	appSecret: string | null;
	webhookVerifyToken: string | null;
	/** the approved template a booking reminder is sent with; null: no WhatsApp reminders */
	reminderTemplate: string | null;
}

export interface WhatsAppTarget {
	contactId: string;
	phone: string;
}

export interface DueWhatsApp extends WhatsAppTarget {
	mppId: string;
	ticketId: string;
	trackCode: string;
	number: string;
	message: string;
	kind: 'linked' | 'near' | 'called';
	ahead: number | null;
	counterName: string | null;
}

export interface ClaimedWhatsApp extends WhatsAppTarget {
	mppId: string;
	ticketId: string;
	message: string;
	payload: unknown;
}

export async function findMppWhatsApp(db: Db, mppId: string): Promise<MppWhatsApp | undefined> {
	const [row] = await db<MppWhatsApp[]>`
		SELECT mpp_id AS "mppId", business_number AS "businessNumber", phone_number_id AS "phoneNumberId",
			access_token AS "accessToken", app_secret AS "appSecret", webhook_verify_token AS "webhookVerifyToken",
			reminder_template AS "reminderTemplate"
		FROM mpp_whatsapp WHERE mpp_id = ${mppId}`;
	return row;
}

/** The business number alone, for pages citizens see (never the credentials). */
export async function findBusinessNumber(db: Db, mppId: string): Promise<string | null> {
	const [row] = await db<{ businessNumber: string }[]>`
		SELECT business_number AS "businessNumber" FROM mpp_whatsapp WHERE mpp_id = ${mppId}`;
	return row?.businessNumber ?? null;
}

/** The business number of an MPP by its slug (the booking page), or null. */
export async function findBusinessNumberBySlug(db: Db, slug: string): Promise<string | null> {
	const [row] = await db<{ businessNumber: string }[]>`
		SELECT w.business_number AS "businessNumber" FROM mpp_whatsapp w JOIN mpps m ON m.id = w.mpp_id
		WHERE m.slug = ${slug}`;
	return row?.businessNumber ?? null;
}

/** The business number of the MPP a track code belongs to, and how long that MPP keeps phones. */
export async function findWhatsAppOfTicket(
	db: Db,
	trackCode: string
): Promise<{ businessNumber: string; phoneRetentionDays: number } | undefined> {
	const [row] = await db<{ businessNumber: string; phoneRetentionDays: number }[]>`
		SELECT w.business_number AS "businessNumber", m.phone_retention_days AS "phoneRetentionDays"
		FROM tickets t JOIN mpp_whatsapp w ON w.mpp_id = t.mpp_id JOIN mpps m ON m.id = t.mpp_id
		WHERE t.track_code = ${trackCode}`;
	return row;
}

export async function upsertMppWhatsApp(db: Db, settings: MppWhatsApp): Promise<void> {
	await db`
		INSERT INTO mpp_whatsapp (mpp_id, business_number, phone_number_id, access_token, app_secret,
			webhook_verify_token, reminder_template)
		VALUES (${settings.mppId}, ${settings.businessNumber}, ${settings.phoneNumberId}, ${settings.accessToken},
			${settings.appSecret}, ${settings.webhookVerifyToken}, ${settings.reminderTemplate})
		ON CONFLICT (mpp_id) DO UPDATE SET business_number = excluded.business_number,
			phone_number_id = excluded.phone_number_id, access_token = excluded.access_token,
			app_secret = excluded.app_secret, webhook_verify_token = excluded.webhook_verify_token,
			reminder_template = excluded.reminder_template, updated_at = now()`;
}

export async function deleteMppWhatsApp(db: Db, mppId: string): Promise<void> {
	await db`DELETE FROM mpp_whatsapp WHERE mpp_id = ${mppId}`;
}

/** The ticket of this MPP that a track code names, while it can still be told about. */
export async function findActiveTicketOfMpp(
	db: Db,
	mppId: string,
	trackCode: string
): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`
		SELECT id FROM tickets
		WHERE mpp_id = ${mppId} AND track_code = ${trackCode} AND status IN ('waiting', 'called', 'serving')`;
	return row?.id ?? null;
}

/** The open booking of this MPP that a booking code names (before check-in). */
export async function findOpenBookingOfMpp(db: Db, mppId: string, code: string): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`
		SELECT id FROM bookings WHERE mpp_id = ${mppId} AND code = ${code} AND status = 'booked'`;
	return row?.id ?? null;
}

/**
 * A citizen wrote to the MPP: their window opens (again) from the message's time; a message naming a
 * ticket (or a booking) links it, one that does not keeps the earlier link.
 */
export async function recordInbound(
	db: Db,
	input: {
		id: string;
		mppId: string;
		phone: string;
		at: Date;
		ticketId: string | null;
		bookingId?: string | null;
	}
): Promise<void> {
	await db`
		INSERT INTO whatsapp_contacts (id, mpp_id, phone, ticket_id, booking_id, last_inbound_at)
		VALUES (${input.id}, ${input.mppId}, ${input.phone}, ${input.ticketId}, ${input.bookingId ?? null}, ${input.at})
		ON CONFLICT (mpp_id, phone) DO UPDATE SET
			last_inbound_at = greatest(whatsapp_contacts.last_inbound_at, excluded.last_inbound_at),
			ticket_id = coalesce(excluded.ticket_id, whatsapp_contacts.ticket_id),
			booking_id = coalesce(excluded.booking_id, whatsapp_contacts.booking_id)`;
}

/** At check-in the citizens who named the booking on WhatsApp follow the ticket it became. */
export async function carryWhatsAppContacts(db: Db, bookingId: string, ticketId: string): Promise<void> {
	await db`UPDATE whatsapp_contacts SET ticket_id = ${ticketId} WHERE booking_id = ${bookingId}`;
}

export async function findContact(
	db: Db,
	mppId: string,
	phone: string
): Promise<{ id: string; ticketId: string | null; lastInboundAt: Date } | undefined> {
	const [row] = await db<{ id: string; ticketId: string | null; lastInboundAt: Date }[]>`
		SELECT id, ticket_id AS "ticketId", last_inbound_at AS "lastInboundAt"
		FROM whatsapp_contacts WHERE mpp_id = ${mppId} AND phone = ${phone}`;
	return row;
}

/**
 * A first answer once the message linked the ticket, then the same messages as listDuePushes, for contacts linked to an active ticket whose 24-hour service
 * window is open, of MPPs whose Cloud API sender is configured.
 */
export async function listDueWhatsApp(db: Db): Promise<DueWhatsApp[]> {
	return db<DueWhatsApp[]>`
		WITH linked AS (
			SELECT c.id AS contact_id, c.phone, t.id AS ticket_id, t.track_code, t.number, t.status,
				t.call_count, t.called_at, t.service_id, t.queued_at, t.priority_group, t.local_date, t.mpp_id,
				m.notify_near_ahead, k.name AS counter_name
			FROM whatsapp_contacts c
			JOIN mpp_whatsapp w ON w.mpp_id = c.mpp_id AND w.phone_number_id IS NOT NULL
			JOIN tickets t ON t.id = c.ticket_id
			JOIN mpps m ON m.id = t.mpp_id
			LEFT JOIN counters k ON k.id = t.counter_id
			WHERE t.status IN ('waiting', 'called', 'serving')
				AND c.last_inbound_at > now() - interval '24 hours'
		),
		due AS (
			-- the answer to the citizen's message: their number is noted (once per ticket)
			SELECT linked.*, 'linked' AS message, 'linked' AS kind, NULL::int AS ahead
			FROM linked
			WHERE status = 'waiting'
			UNION ALL
			SELECT linked.*, 'called:' || call_count, 'called', NULL::int
			FROM linked
			WHERE status IN ('called', 'serving') AND call_count > 0
				AND called_at > now() - interval '120 seconds'
			UNION ALL
			SELECT linked.*, 'near:' || notify_near_ahead, 'near', a.ahead
			FROM linked
			CROSS JOIN LATERAL (
				SELECT count(*)::int AS ahead FROM tickets o
				WHERE o.service_id = linked.service_id AND o.status = 'waiting' AND o.local_date = linked.local_date
					AND (o.queued_at, o.id) < (linked.queued_at, linked.ticket_id)
					AND (linked.priority_group IS NULL OR o.priority_group IS NOT NULL)
			) a
			WHERE status = 'waiting' AND a.ahead <= notify_near_ahead
				AND local_date = mpp_local_date(mpp_id, now())
		)
		SELECT contact_id AS "contactId", phone, mpp_id AS "mppId", ticket_id AS "ticketId",
			track_code AS "trackCode", number, message, kind, ahead, counter_name AS "counterName"
		FROM due
		WHERE NOT EXISTS (
			SELECT 1 FROM whatsapp_deliveries d
			WHERE d.contact_id = due.contact_id AND d.ticket_id = due.ticket_id AND d.message = due.message
		)`;
}

export async function claimWhatsApp(
	db: Db,
	due: { contactId: string; ticketId: string; message: string },
	payload: unknown
): Promise<boolean> {
	const rows = await db`
		INSERT INTO whatsapp_deliveries (contact_id, ticket_id, message, payload)
		VALUES (${due.contactId}, ${due.ticketId}, ${due.message}, ${db.json(payload as never)})
		ON CONFLICT DO NOTHING RETURNING message`;
	return rows.length === 1;
}

export async function reclaimUnsentWhatsApp(
	db: Db,
	staleSeconds: number,
	maxAttempts: number
): Promise<ClaimedWhatsApp[]> {
	return db<ClaimedWhatsApp[]>`
		UPDATE whatsapp_deliveries d SET attempts = d.attempts + 1, claimed_at = now()
		FROM whatsapp_contacts c
		WHERE c.id = d.contact_id AND d.sent_at IS NULL AND d.attempts < ${maxAttempts}
			AND d.claimed_at < now() - make_interval(secs => ${staleSeconds})
			AND d.claimed_at > now() - interval '5 minutes'
			AND c.last_inbound_at > now() - interval '24 hours'
		RETURNING c.id AS "contactId", c.phone, c.mpp_id AS "mppId", d.ticket_id AS "ticketId", d.message, d.payload`;
}

export async function markWhatsAppSent(
	db: Db,
	sent: { contactId: string; ticketId: string; message: string }
): Promise<void> {
	await db`
		UPDATE whatsapp_deliveries SET sent_at = now()
		WHERE contact_id = ${sent.contactId} AND ticket_id = ${sent.ticketId} AND message = ${sent.message}`;
}

/** An answer that will never work (the window closed, not a WhatsApp number): no more retries. */
export async function giveUpWhatsApp(
	db: Db,
	failed: { contactId: string; ticketId: string; message: string }
): Promise<void> {
	await db`
		UPDATE whatsapp_deliveries SET attempts = 32767
		WHERE contact_id = ${failed.contactId} AND ticket_id = ${failed.ticketId} AND message = ${failed.message}`;
}

/**
 * UU 27/2022: a phone number is kept no longer than needed. A contact goes `phone_retention_days`
 * (per MPP, default 30) after the visit: the later of its last message and its ticket's last change.
 */
export async function deleteExpiredContacts(db: Db, now = new Date()): Promise<number> {
	const rows = await db`
		DELETE FROM whatsapp_contacts c USING mpps m
		WHERE m.id = c.mpp_id
			AND greatest(c.last_inbound_at, (
				SELECT coalesce(t.finished_at, t.called_at, t.issued_at) FROM tickets t WHERE t.id = c.ticket_id
			)) < ${now}::timestamptz - make_interval(days => m.phone_retention_days)
		RETURNING c.id`;
	return rows.length;
}

/** A booking whose reminder is due on WhatsApp: a phone given with consent, its MPP's template set. */
export interface DueWhatsAppReminder {
	bookingId: string;
	mppId: string;
	phone: string;
	code: string;
	slotStart: Date;
	mppName: string;
	timezone: string;
	template: string;
	language: string;
	/** the MPP's Cloud API credentials, read with it (the sender is on) */
	phoneNumberId: string;
	accessToken: string;
	appSecret: string;
}

export async function listDueWhatsAppReminders(db: Db): Promise<DueWhatsAppReminder[]> {
	return db<DueWhatsAppReminder[]>`
		SELECT b.id AS "bookingId", b.mpp_id AS "mppId", b.phone, b.code, b.slot_start AS "slotStart",
			m.name AS "mppName", m.timezone, w.reminder_template AS template, w.reminder_language AS language,
			w.phone_number_id AS "phoneNumberId", w.access_token AS "accessToken", w.app_secret AS "appSecret"
		FROM bookings b
		JOIN mpps m ON m.id = b.mpp_id
		JOIN mpp_whatsapp w ON w.mpp_id = b.mpp_id
		WHERE b.status = 'booked' AND b.phone IS NOT NULL AND b.phone_consent_at IS NOT NULL
			AND b.whatsapp_reminded_at IS NULL
			AND w.reminder_template IS NOT NULL AND w.access_token IS NOT NULL
			AND b.slot_start <= now() + make_interval(mins => m.booking_reminder_minutes)
			AND b.slot_start > now()`;
}

/** The claim: true for the one caller that marks the booking reminded (at most once, never retried). */
export async function claimWhatsAppReminder(db: Db, bookingId: string): Promise<boolean> {
	const rows = await db`
		UPDATE bookings SET whatsapp_reminded_at = now()
		WHERE id = ${bookingId} AND whatsapp_reminded_at IS NULL RETURNING id`;
	return rows.length === 1;
}
