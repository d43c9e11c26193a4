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

-- A phone number given with consent when booking gets the reminder on WhatsApp too, where the MPP's
-- Cloud API sender is on and it named an approved template: a message the MPP starts outside the
-- 24-hour service window must be a template. Its body takes {{1}} MPP, {{2}} time, {{3}} zone,
-- {{4}} booking code. `whatsapp_reminded_at` is the claim: set once, by the node that sends.
ALTER TABLE mpp_whatsapp
	-- (PostgreSQL regular expressions count repetitions only up to 255: the length is checked apart)
	ADD COLUMN reminder_template text CHECK (reminder_template ~ '^[a-z0-9_]+$' AND char_length(reminder_template) <= 512),
	ADD COLUMN reminder_language text NOT NULL DEFAULT 'id' CHECK (reminder_language ~ '^[a-z]{2}(_[A-Z]{2})?$');
ALTER TABLE bookings ADD COLUMN whatsapp_reminded_at timestamptz;

-- Citizen first on WhatsApp for a booking too: a message naming the booking code links the citizen's
-- number to the booking; at check-in the link moves on to the ticket, which is then told about as
-- any ticket named on WhatsApp (inside the citizen's 24-hour window).
ALTER TABLE whatsapp_contacts ADD COLUMN booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL;
CREATE INDEX whatsapp_contacts_booking ON whatsapp_contacts (booking_id) WHERE booking_id IS NOT NULL;
