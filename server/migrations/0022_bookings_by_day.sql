-- The manager's bookings tab and the national booking figures read an MPP's bookings of a day
-- (issue 12): every status, cancelled ones too, which the partial window index leaves out.
-- Forward-only; PostgreSQL 15 and 18. IF NOT EXISTS: another change may have made the same index.
CREATE INDEX IF NOT EXISTS bookings_mpp_day_idx ON bookings (mpp_id, local_date);
