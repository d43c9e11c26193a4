-- Antrean initial schema. Forward-only: never edit once landed, add 0002_… instead.
-- Must run on PostgreSQL 15 (CI, production) and 18 (embedded): no uuidv7(), no PG16+ syntax.
-- Times are timestamptz (UTC); an MPP-local day is derived from mpps.timezone (DOMAIN §6).

CREATE TABLE mpps (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	province text NOT NULL,
	city text NOT NULL,
	region_code text,
	timezone text NOT NULL,
	-- {"mon": [["07:30","16:00"]], "fri": [["07:30","11:30"],["13:00","16:00"]], "sat": [], "sun": []}
	opening_hours jsonb NOT NULL,
	-- at most this many priority calls in a row at one counter while regular tickets wait (DOMAIN §3)
	priority_ratio integer NOT NULL DEFAULT 2 CHECK (priority_ratio BETWEEN 1 AND 20),
	-- calls before a ticket may be marked no-show (DOMAIN profile: absent after 3 calls)
	call_limit integer NOT NULL DEFAULT 3 CHECK (call_limit BETWEEN 1 AND 10),
	running_text text NOT NULL DEFAULT '',
	active boolean NOT NULL DEFAULT true,
	created_at timestamptz NOT NULL DEFAULT now()
);

-- The per-MPP realtime sequence. Kept off the mpps row so that configuration edits and
-- ticket traffic do not contend for the same row lock.
CREATE TABLE mpp_event_seq (
	mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
	seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE tenants (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	active boolean NOT NULL DEFAULT true,
	UNIQUE (mpp_id, code)
);

CREATE TABLE services (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	code text NOT NULL CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
	-- ticket numbers are prefix + 3 digits (A001); unique inside one MPP so numbers never clash
	prefix text NOT NULL CHECK (prefix ~ '^[A-Z]{1,2}$'),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	target_wait_minutes integer NOT NULL DEFAULT 30 CHECK (target_wait_minutes BETWEEN 1 AND 600),
	daily_quota integer CHECK (daily_quota IS NULL OR daily_quota BETWEEN 1 AND 999),
	cutoff_minutes integer NOT NULL DEFAULT 60 CHECK (cutoff_minutes BETWEEN 0 AND 600),
	-- used for wait estimates until the service has finished tickets of its own today
	expected_service_minutes integer NOT NULL DEFAULT 10 CHECK (expected_service_minutes BETWEEN 1 AND 240),
	active boolean NOT NULL DEFAULT true,
	UNIQUE (mpp_id, code),
	UNIQUE (mpp_id, prefix)
);
CREATE INDEX services_tenant_idx ON services (tenant_id);

CREATE TABLE users (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
	name text NOT NULL,
	password_hash text NOT NULL,
	role text NOT NULL CHECK (role IN ('superadmin', 'ministry', 'mpp_admin', 'supervisor', 'operator')),
	mpp_id uuid REFERENCES mpps (id) ON DELETE CASCADE,
	active boolean NOT NULL DEFAULT true,
	created_at timestamptz NOT NULL DEFAULT now(),
	-- national roles have no MPP; every other role belongs to exactly one
	CHECK ((role IN ('superadmin', 'ministry')) = (mpp_id IS NULL))
);

CREATE TABLE counters (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	tenant_id uuid REFERENCES tenants (id) ON DELETE SET NULL,
	-- what the TV shows and the voice reads: "Loket 5", "Loket Imigrasi 2"
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
	status text NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
	status_changed_at timestamptz NOT NULL DEFAULT now(),
	current_ticket_id uuid,
	-- consecutive priority calls at this counter, for the MPP's fairness ratio
	priority_streak integer NOT NULL DEFAULT 0,
	active boolean NOT NULL DEFAULT true,
	UNIQUE (mpp_id, name)
);

CREATE TABLE counter_services (
	counter_id uuid NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
	service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
	PRIMARY KEY (counter_id, service_id)
);
CREATE INDEX counter_services_service_idx ON counter_services (service_id);

CREATE TABLE counter_operators (
	counter_id uuid NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	PRIMARY KEY (counter_id, user_id)
);
CREATE INDEX counter_operators_user_idx ON counter_operators (user_id);

-- Lucia's session design: the id is the SHA-256 (hex) of the random token the client holds,
-- so a leaked table does not leak usable sessions.
CREATE TABLE sessions (
	id text PRIMARY KEY,
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	expires_at timestamptz NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_attempts (
	key text NOT NULL,
	at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_key_at_idx ON login_attempts (key, at);

CREATE TABLE devices (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	kind text NOT NULL CHECK (kind IN ('display', 'kiosk', 'feedback')),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	token_hash text NOT NULL UNIQUE,
	settings jsonb NOT NULL DEFAULT '{}',
	last_seen_at timestamptz,
	revoked_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_mpp_idx ON devices (mpp_id);

-- Numbering per service per MPP-local day. One row per service-day; the upsert that takes the
-- next number also holds the row lock that makes the daily quota exact under concurrency.
CREATE TABLE ticket_daily_counters (
	service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	last_seq integer NOT NULL,
	PRIMARY KEY (service_id, local_date)
);

CREATE TABLE tickets (
	id uuid PRIMARY KEY,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	service_id uuid NOT NULL REFERENCES services (id),
	-- the service the ticket was issued for; numbering belongs to it even after a transfer
	issued_service_id uuid NOT NULL REFERENCES services (id),
	local_date date NOT NULL,
	seq integer NOT NULL,
	number text NOT NULL,
	status text NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
	priority_group text CHECK (priority_group IN ('lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana')),
	track_code text NOT NULL UNIQUE,
	issued_at timestamptz NOT NULL,
	-- arrival order in the queue; a transfer keeps it, so the citizen keeps their place
	queued_at timestamptz NOT NULL,
	first_called_at timestamptz,
	called_at timestamptz,
	call_count integer NOT NULL DEFAULT 0,
	started_at timestamptz,
	finished_at timestamptz,
	counter_id uuid REFERENCES counters (id) ON DELETE SET NULL,
	source text NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'staff', 'online')),
	UNIQUE (issued_service_id, local_date, seq)
);
-- callNext reads the head of the waiting queue of a few services
CREATE INDEX tickets_waiting_idx ON tickets (service_id, queued_at, id) WHERE status = 'waiting';
CREATE INDEX tickets_mpp_date_idx ON tickets (mpp_id, local_date);
CREATE INDEX tickets_counter_idx ON tickets (counter_id) WHERE status IN ('called', 'serving');

ALTER TABLE counters
	ADD CONSTRAINT counters_current_ticket_fk FOREIGN KEY (current_ticket_id) REFERENCES tickets (id) ON DELETE SET NULL;

-- Append-only history of every ticket change: who, when, which counter.
CREATE TABLE ticket_events (
	id uuid PRIMARY KEY,
	ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	type text NOT NULL CHECK (
		type IN ('issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'transferred', 'cancelled')
	),
	at timestamptz NOT NULL,
	-- no ON DELETE SET NULL: that would be an UPDATE of history. Counters, services, users and
	-- devices with history are deactivated, never deleted.
	counter_id uuid REFERENCES counters (id),
	service_id uuid REFERENCES services (id),
	user_id uuid REFERENCES users (id),
	device_id uuid REFERENCES devices (id),
	data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, at);
CREATE INDEX ticket_events_mpp_at_idx ON ticket_events (mpp_id, at);

CREATE FUNCTION ticket_events_append_only() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'ticket_events is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ticket_events_no_update
	BEFORE UPDATE ON ticket_events
	FOR EACH ROW EXECUTE FUNCTION ticket_events_append_only();
