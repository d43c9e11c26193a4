-- Booking reminders (issue 12): the browser that booked can ask to be reminded before its window,
-- with the same Web Push subscription rows as a ticket's. A subscription belongs to a booking until
-- check-in, then also to the ticket the booking became, so "3 people ahead" and "called" follow
-- without the citizen pressing anything again. Forward-only; PostgreSQL 15 and 18.
ALTER TABLE push_subscriptions
	ALTER COLUMN ticket_id DROP NOT NULL,
	ADD COLUMN booking_id uuid REFERENCES bookings (id) ON DELETE CASCADE,
	ADD CONSTRAINT push_subscriptions_owner CHECK (ticket_id IS NOT NULL OR booking_id IS NOT NULL),
	ADD CONSTRAINT push_subscriptions_booking_endpoint UNIQUE (booking_id, endpoint);

-- How long before a booked window the reminder goes out (per MPP; default an hour).
ALTER TABLE mpps
	ADD COLUMN booking_reminder_minutes smallint NOT NULL DEFAULT 60
		CHECK (booking_reminder_minutes BETWEEN 5 AND 1440);
