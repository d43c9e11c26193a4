-- Throttling that cannot be turned against users (issue 10 item 7). Forward-only; runs on PostgreSQL 15 and 18.

-- One row per thing being counted, changed only by single-statement upserts so a limit holds under
-- parallel requests on every node. Keys are opaque hashes (never an address or e-mail in clear):
--   client:<kind>:<client>         a fixed-window bucket per client (failed logins, unknown track codes)
--   account:<e-mail>:<client>      failed logins of one account from one client, with a growing delay;
--                                  here window_start is the last attempt and blocked_until the delay's end
CREATE TABLE throttle_counters (
	key text PRIMARY KEY,
	count integer NOT NULL,
	window_start timestamptz NOT NULL,
	blocked_until timestamptz
);
CREATE INDEX throttle_counters_window_idx ON throttle_counters (window_start);

-- The per-e-mail hard lock is gone; its rows are of no further use.
DROP TABLE login_attempts;

-- Which client asked for a pairing code, so one client cannot fill an MPP's open codes.
ALTER TABLE device_pairings ADD COLUMN client_key text;
CREATE INDEX device_pairings_open_client_idx ON device_pairings (client_key) WHERE device_id IS NULL;
CREATE INDEX device_pairings_open_mpp_idx ON device_pairings (mpp_id, expires_at) WHERE device_id IS NULL;
