-- Bookings and the edge (issue 13). Bookings are made at the centre (the public /book page and the API)
-- and checked in at the edge: the edge reads the MPP's bookings as a stream ordered by when each row
-- last changed, and its check-ins (and no-shows) go back through the outbox.
-- Forward-only; runs on PostgreSQL 15 and 18.
ALTER TABLE bookings ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX bookings_mpp_updated_idx ON bookings (mpp_id, updated_at);

CREATE FUNCTION bookings_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.updated_at := now();
	RETURN NEW;
END $$;
CREATE TRIGGER bookings_touch BEFORE UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION bookings_touch();

ALTER TABLE edge_outbox DROP CONSTRAINT edge_outbox_kind_check;
ALTER TABLE edge_outbox ADD CONSTRAINT edge_outbox_kind_check CHECK (kind IN ('ticket', 'event', 'survey', 'booking'));

CREATE OR REPLACE FUNCTION edge_arm_outbox() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	CREATE OR REPLACE TRIGGER tickets_edge_outbox AFTER INSERT OR UPDATE ON tickets
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('ticket');
	CREATE OR REPLACE TRIGGER ticket_events_edge_outbox AFTER INSERT ON ticket_events
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('event');
	CREATE OR REPLACE TRIGGER surveys_edge_outbox AFTER INSERT ON surveys
		FOR EACH ROW EXECUTE FUNCTION edge_outbox_capture('survey');
	-- only what the hall decides about a booking: its check-in or its no-show
	CREATE OR REPLACE TRIGGER bookings_edge_outbox AFTER UPDATE OF status ON bookings
		FOR EACH ROW WHEN (NEW.status IN ('checked_in', 'late_walk_in', 'no_show'))
		EXECUTE FUNCTION edge_outbox_capture('booking');
END $$;

-- The edge's place in the centre's booking stream.
ALTER TABLE edge_config_state ADD COLUMN bookings_through timestamptz;
