-- History split by source (issue 12): walk-in tickets and tickets of bookings checked in on time
-- (source 'booking') are rolled up apart, so waits and volumes can be shown per source. `booked` is a
-- grouping key of the two detailed rollups; the per-MPP ones stay summed over both.
-- Forward-only; PostgreSQL 15 and 18.
ALTER TABLE stats_hourly ADD COLUMN booked boolean NOT NULL DEFAULT false;
ALTER TABLE stats_daily ADD COLUMN booked boolean NOT NULL DEFAULT false;

-- Days rolled up before this migration counted booked tickets as walk-ins. Only days with a checked-in
-- booking are affected (bookings exist since 0015): they are marked unrolled, and the next reader's
-- catch-up rebuilds them from their tickets (src/lib/server/stats/rollup.ts).
WITH first_booked AS (
	SELECT mpp_id, min(local_date) AS first FROM bookings WHERE status = 'checked_in' GROUP BY mpp_id
)
DELETE FROM stats_days d USING first_booked b WHERE d.mpp_id = b.mpp_id AND d.local_date >= b.first;

WITH first_booked AS (
	SELECT mpp_id, min(local_date) AS first FROM bookings WHERE status = 'checked_in' GROUP BY mpp_id
)
UPDATE stats_rollup_state s SET rolled_through = b.first - 1
FROM first_booked b WHERE s.mpp_id = b.mpp_id AND s.rolled_through >= b.first;
