-- Mobile service units, "jemput bola" (issue 13): a bus that serves a village or a market each day is
-- an MPP of its own (its own services and numbers) served by an edge; where it stands each day is a
-- stop, and every ticket it issues carries that place, so its figures can be told apart by place.
-- Forward-only; runs on PostgreSQL 15 and 18.
CREATE TABLE mobile_stops (
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
	PRIMARY KEY (mpp_id, local_date)
);

ALTER TABLE tickets ADD COLUMN place text;

-- At the edge, a ticket takes its MPP's stop of its local day (nothing for an MPP without stops).
CREATE FUNCTION tickets_take_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.place IS NULL THEN
		NEW.place := (SELECT place FROM mobile_stops WHERE mpp_id = NEW.mpp_id AND local_date = NEW.local_date);
	END IF;
	RETURN NEW;
END $$;

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
	CREATE OR REPLACE TRIGGER tickets_take_place BEFORE INSERT ON tickets
		FOR EACH ROW EXECUTE FUNCTION tickets_take_place();
END $$;
