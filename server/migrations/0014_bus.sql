-- PostgreSQL is the bus between nodes (issue 11, DESIGN "Realtime protocol"): events leave with
-- the transaction's commit through pg_notify on the `antrean` channel. A NOTIFY payload must stay
-- under 8000 bytes; a larger message (the day-end sweep expiring hundreds of tickets) is written
-- here in the same transaction and only its id is notified. Rows are read within seconds and
-- purged after an hour.
CREATE TABLE bus_messages (
	id uuid PRIMARY KEY,
	body text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bus_messages_created_at ON bus_messages (created_at);

-- Cluster-wide timers (ministry pulse, day-end sweep, purges): a node runs a beat only when it
-- moves that beat's row forward, so N nodes run it once per interval, not N times.
CREATE TABLE cluster_beats (
	name text PRIMARY KEY,
	last_at timestamptz NOT NULL
);
