-- Edge ↔ centre sync (issue 13, DESIGN "Edge nodes").
-- Forward-only; runs on PostgreSQL 15 and 18.
--
-- Edge → centre: an outbox. Every write to tickets, ticket_events and surveys on an edge leaves one row
-- here, in the writing transaction, so nothing the hall did can be missed whatever the code path. The
-- sender reads the oldest rows, sends the rows' current state and deletes exactly the outbox rows the
-- centre acknowledged: a transaction that commits late (a lower seq seen after a higher one) is simply
-- sent next time, where a moving "sent up to seq N" cursor would skip it.
CREATE TABLE edge_outbox (
	seq bigserial PRIMARY KEY,
	kind text NOT NULL CHECK (kind IN ('ticket', 'event', 'survey')),
	row_id uuid NOT NULL
);

CREATE FUNCTION edge_outbox_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO edge_outbox (kind, row_id) VALUES (TG_ARGV[0], NEW.id);
	RETURN NULL;
END $$;

-- The centre never captures (it would pay a row per call for nothing): an edge arms the triggers when
-- it starts. Idempotent, so every start may call it.
CREATE FUNCTION edge_arm_outbox() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	CREATE OR REPLACE TRIGGER tickets_edge_outbox AFTER INSERT OR UPDATE ON tickets
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('ticket');
	CREATE OR REPLACE TRIGGER ticket_events_edge_outbox AFTER INSERT ON ticket_events
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('event');
	CREATE OR REPLACE TRIGGER surveys_edge_outbox AFTER INSERT ON surveys
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('survey');
END $$;

-- At the centre: the edge's revision of a ticket's state (the outbox seq it was sent at). A ticket
-- changes state at the edge, so a batch delivered twice, or an older batch after a newer one, must
-- never take a ticket back to an earlier state: the upsert only moves a ticket forward.
ALTER TABLE tickets ADD COLUMN edge_rev bigint;

-- The edge's own memory of the configuration it last applied (one row): the version it asks the
-- centre about, so an unchanged configuration costs one small request.
CREATE TABLE edge_config_state (
	only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
	mpp_id uuid NOT NULL,
	version text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
);

-- At the centre: what this edge has delivered, for "offline since HH:MM, data up to HH:MM".
ALTER TABLE edge_nodes ADD COLUMN config_version text;
ALTER TABLE edge_nodes ADD COLUMN rows_received bigint NOT NULL DEFAULT 0;
