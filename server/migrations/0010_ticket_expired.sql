-- The MPP's day ends (issue 10 item 5). A ticket belongs to its MPP-local day (DOMAIN §8): whatever is
-- still waiting, called or serving when that day ends is closed as `expired`, never carried into the
-- next day's queue. Forward-only; PostgreSQL 15 and 18. Numbered 0010 although 0011 and 0012 landed
-- first: server/database.ts applies every file not yet in schema_migrations, in name order.

ALTER TABLE tickets DROP CONSTRAINT tickets_status_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_status_check CHECK (
	status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired')
);

ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_type_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_type_check CHECK (
	type IN ('issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'transferred', 'cancelled',
		'requeued', 'expired')
);

-- The MPP's local calendar date at an instant. STABLE, so `local_date = mpp_local_date($1, $2)` with
-- constant arguments is computed once per statement and used as an index condition.
CREATE FUNCTION mpp_local_date(p_mpp uuid, p_at timestamptz) RETURNS date
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT (p_at AT TIME ZONE m.timezone)::date FROM mpps m WHERE m.id = p_mpp $$;

-- callNext and the waiting counts read only the MPP's current local day: these lead with the day, so
-- a ticket of an ended day (before the sweep closes it) is never walked over on the hot path. They
-- replace the per-MPP waiting indexes of 0002_queue_call_order, which no query uses any more.
DROP INDEX tickets_mpp_waiting_idx;
DROP INDEX tickets_mpp_waiting_priority_idx;
CREATE INDEX tickets_mpp_day_waiting_idx ON tickets (mpp_id, local_date, queued_at, id)
	WHERE status = 'waiting';
CREATE INDEX tickets_mpp_day_waiting_priority_idx ON tickets (mpp_id, local_date, queued_at, id)
	WHERE status = 'waiting' AND priority_group IS NOT NULL;

-- The sweep finds open tickets of ended days without reading the finished history.
CREATE INDEX tickets_open_day_idx ON tickets (mpp_id, local_date)
	WHERE status IN ('waiting', 'called', 'serving');
