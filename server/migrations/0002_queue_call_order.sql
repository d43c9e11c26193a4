-- callNext locks exactly one ticket: the oldest waiting one of a class (priority or regular) among the
-- services a counter serves, in arrival order across those services, skipping tickets other counters
-- are calling right now. These indexes give it that order per MPP without sorting the queue.
CREATE INDEX tickets_mpp_waiting_idx ON tickets (mpp_id, queued_at, id) WHERE status = 'waiting';
CREATE INDEX tickets_mpp_waiting_priority_idx ON tickets (mpp_id, queued_at, id)
	WHERE status = 'waiting' AND priority_group IS NOT NULL;
