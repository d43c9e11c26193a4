-- Statistics rollups (DESIGN "Statistics", issue 4). Forward-only; PostgreSQL 15 and 18.
--
-- How they stay exact: a catch-up job, not triggers in the queue's transactions. Every queue operation
-- already serialises on the MPP's event-seq row (queue/record.ts); adding rollup upserts there would
-- lengthen that lock on the hot path. Instead a past MPP-local day is rebuilt from its tickets as a
-- whole (delete + insert, so rebuilding is idempotent) once it has closed, and again whenever a
-- ticket_events row shows one of its tickets changed later. Readers run the catch-up for their MPP
-- before reading closed days, and "today" is always computed live from raw tickets, so every answer
-- equals a computation over the tickets themselves. See src/lib/server/stats/rollup.ts.
--
-- A ticket counts in the hour (UTC) and MPP-local day it was issued, under its current service and
-- the counter that last held it. Histograms are int[] over the fixed bucket edges of
-- src/lib/domain/histogram.ts (35 buckets, 0 s … 4 h+), so percentiles merge by adding arrays.
-- Rollup rows carry no foreign keys: they are derived data (rebuilt from tickets at will), and a key
-- check per row was a quarter of the time to roll up months of generated history. MPPs, services and
-- counters with history are deactivated, never deleted.

CREATE TABLE stats_hourly (
	mpp_id uuid NOT NULL,
	local_date date NOT NULL,
	hour_utc timestamptz NOT NULL,
	-- the MPP-local clock hour of hour_utc, so grouping by local hour needs no time-zone math
	local_hour smallint NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
	service_id uuid NOT NULL,
	counter_id uuid,
	issued integer NOT NULL,
	called integer NOT NULL,
	served integer NOT NULL,
	no_show integer NOT NULL,
	cancelled integer NOT NULL,
	wait_sum double precision NOT NULL,
	wait_hist integer[] NOT NULL,
	service_sum double precision NOT NULL,
	service_count integer NOT NULL,
	service_hist integer[] NOT NULL,
	within_target integer NOT NULL
);
CREATE INDEX stats_hourly_mpp_date_idx ON stats_hourly (mpp_id, local_date);

-- The same measures per MPP-local day: a year of one MPP is a few thousand rows here, against
-- hundreds of thousands of tickets; history grouped by anything but the hour reads this table.
CREATE TABLE stats_daily (
	mpp_id uuid NOT NULL,
	local_date date NOT NULL,
	service_id uuid NOT NULL,
	counter_id uuid,
	issued integer NOT NULL,
	called integer NOT NULL,
	served integer NOT NULL,
	no_show integer NOT NULL,
	cancelled integer NOT NULL,
	wait_sum double precision NOT NULL,
	wait_hist integer[] NOT NULL,
	service_sum double precision NOT NULL,
	service_count integer NOT NULL,
	service_hist integer[] NOT NULL,
	within_target integer NOT NULL
);
CREATE INDEX stats_daily_mpp_date_idx ON stats_daily (mpp_id, local_date);

-- Local days whose tickets have been rolled up, and when.
CREATE TABLE stats_days (
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	rolled_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (mpp_id, local_date)
);

-- Where the catch-up job stands per MPP: every closed day up to rolled_through is rolled, and ticket
-- changes recorded in ticket_events up to events_through are reflected.
CREATE TABLE stats_rollup_state (
	mpp_id uuid PRIMARY KEY REFERENCES mpps (id) ON DELETE CASCADE,
	rolled_through date,
	events_through timestamptz
);
