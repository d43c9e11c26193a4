-- Online booking on one quota ledger (issue 12, DOMAIN §8). Forward-only; PostgreSQL 15 and 18.

-- Per service, set in /admin: which share of a 15-minute window's throughput may be booked (the rest
-- stays for walk-ins), how far ahead, and at which local hour each day's slots are released (spread
-- over that hour, never one minute for all: Sidoarjo's 07:01 rush). A share of the daily quota may be
-- kept for priority groups (Imigrasi's places for the elderly); 0 keeps today's behaviour.
ALTER TABLE services
	ADD COLUMN booking_share integer NOT NULL DEFAULT 50 CHECK (booking_share BETWEEN 0 AND 100),
	ADD COLUMN booking_horizon_days integer NOT NULL DEFAULT 14 CHECK (booking_horizon_days BETWEEN 1 AND 90),
	ADD COLUMN booking_release_hour integer NOT NULL DEFAULT 7 CHECK (booking_release_hour BETWEEN 0 AND 23),
	ADD COLUMN priority_reserve_share integer NOT NULL DEFAULT 0
		CHECK (priority_reserve_share BETWEEN 0 AND 50);

-- Per MPP: the check-in window around a slot's start (ASAN: entry no earlier than 30 min before), and
-- at most how many booked tickets one counter calls in a row ahead of walk-ins who are waiting.
ALTER TABLE mpps
	ADD COLUMN checkin_before_minutes integer NOT NULL DEFAULT 30 CHECK (checkin_before_minutes BETWEEN 0 AND 180),
	ADD COLUMN checkin_after_minutes integer NOT NULL DEFAULT 15 CHECK (checkin_after_minutes BETWEEN 0 AND 60),
	ADD COLUMN booking_ratio integer NOT NULL DEFAULT 3 CHECK (booking_ratio BETWEEN 1 AND 20);
ALTER TABLE counters ADD COLUMN booking_streak integer NOT NULL DEFAULT 0;

-- The one ledger (Kendari: two ledgers oversell). The row that numbers a service's day also counts
-- its bookings not yet turned into tickets; walk-ins and bookings both take it FOR UPDATE, so
-- last_seq + booked never passes the quota whoever comes first.
ALTER TABLE ticket_daily_counters ADD COLUMN booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0);

CREATE TABLE bookings (
	id uuid PRIMARY KEY,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	slot_start timestamptz NOT NULL,
	code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-9]{8}$'),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	-- personal data (UU 27/2022): only with the citizen's consent, recorded with its time
	phone text CHECK (phone ~ '^\+62[0-9]{8,13}$'),
	phone_consent_at timestamptz,
	client_key text NOT NULL,
	status text NOT NULL DEFAULT 'booked'
		CHECK (status IN ('booked', 'cancelled', 'checked_in', 'no_show', 'late_walk_in')),
	ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
	created_at timestamptz NOT NULL,
	cancelled_at timestamptz,
	checked_in_at timestamptz,
	CHECK ((phone IS NULL) = (phone_consent_at IS NULL))
);
-- slot occupancy, read under the ledger lock on every booking
CREATE INDEX bookings_slot_idx ON bookings (service_id, local_date, slot_start) WHERE status <> 'cancelled';
CREATE INDEX bookings_phone_idx ON bookings (phone, local_date) WHERE phone IS NOT NULL;
CREATE INDEX bookings_client_idx ON bookings (client_key, created_at);
-- the no-show sweep
CREATE INDEX bookings_open_idx ON bookings (slot_start) WHERE status = 'booked';

-- A booking checked in becomes a ticket of source 'booking' that keeps its slot start: it queues from
-- the slot start, so walk-ins who came later than the slot are called after it (Batam).
ALTER TABLE tickets DROP CONSTRAINT tickets_source_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_source_check CHECK (source IN ('kiosk', 'staff', 'online', 'booking'));
ALTER TABLE tickets ADD COLUMN booked_slot_start timestamptz;
