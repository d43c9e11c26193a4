-- Queue engine additions. Forward-only.

-- callNext looks for the oldest waiting priority ticket of each service. Priority tickets are a few
-- percent of a queue, so without this index that search walks every waiting regular ticket.
CREATE INDEX tickets_waiting_priority_idx ON tickets (service_id, queued_at, id)
	WHERE status = 'waiting' AND priority_group IS NOT NULL;

-- 'requeued': a counter paused or closed while a ticket was called but not yet served; the ticket goes
-- back to waiting with its original place (queued_at) instead of being lost or marked done.
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_type_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_type_check CHECK (
	type IN ('issued', 'called', 'recalled', 'started', 'finished', 'no_show', 'transferred', 'cancelled', 'requeued')
);
