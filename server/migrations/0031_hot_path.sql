-- The queue's hot path (issue 15). Forward-only; PostgreSQL 15 and 18.

-- 1. Waiting counts kept as tickets change, instead of counted. Every queue event carries the waiting
-- count of the services it touched, and callNext used to count(*) the service's waiting tickets on
-- each call: about 0.4 ms of PostgreSQL CPU with a few hundred waiting, growing with the queue
-- (BENCHMARKS.md "Profile for issue 15"). Triggers keep the count for every path that changes a
-- ticket (issue, call, transfer, cancel, requeue, the day-end sweep, an edge's ingest) so no door can
-- forget it.
CREATE TABLE queue_waiting (
	service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
	local_date date NOT NULL,
	waiting integer NOT NULL DEFAULT 0,
	PRIMARY KEY (service_id, local_date)
);

INSERT INTO queue_waiting (service_id, local_date, waiting)
	SELECT service_id, local_date, count(*) FROM tickets WHERE status = 'waiting' GROUP BY 1, 2;

CREATE FUNCTION queue_waiting_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.status = 'waiting' THEN
		UPDATE queue_waiting SET waiting = waiting - 1
		WHERE service_id = OLD.service_id AND local_date = OLD.local_date;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.status = 'waiting' THEN
		INSERT INTO queue_waiting (service_id, local_date, waiting) VALUES (NEW.service_id, NEW.local_date, 1)
		ON CONFLICT (service_id, local_date) DO UPDATE SET waiting = queue_waiting.waiting + 1;
	END IF;
	RETURN NULL;
END $$;

-- The row of a service and day stays locked from the change to COMMIT. Calls of one MPP from one
-- process share a transaction (queue/mpp-batch.ts), so only another node's calls of the same
-- service wait for it. Inside a transaction, later statements see its own changes in the count.
-- WHEN keeps the function out of every change that leaves the count alone (a call's finish, a start).
CREATE TRIGGER tickets_waiting_insert AFTER INSERT ON tickets FOR EACH ROW
	WHEN (NEW.status = 'waiting') EXECUTE FUNCTION queue_waiting_count();
CREATE TRIGGER tickets_waiting_delete AFTER DELETE ON tickets FOR EACH ROW
	WHEN (OLD.status = 'waiting') EXECUTE FUNCTION queue_waiting_count();
CREATE TRIGGER tickets_waiting_update AFTER UPDATE OF status, service_id, local_date ON tickets FOR EACH ROW
	WHEN ((OLD.status = 'waiting' OR NEW.status = 'waiting')
		AND (OLD.status, OLD.service_id, OLD.local_date) IS DISTINCT FROM (NEW.status, NEW.service_id, NEW.local_date))
	EXECUTE FUNCTION queue_waiting_count();

-- 2. The MPP's local date as plpgsql: a SQL function called inside a statement is planned again on
-- every call (fmgr_sql, 4-13 % of callNext's PostgreSQL CPU in the profile); plpgsql keeps its plan
-- for the session. Same result, still STABLE.
CREATE OR REPLACE FUNCTION mpp_local_date(p_mpp uuid, p_at timestamptz) RETURNS date
	LANGUAGE plpgsql STABLE PARALLEL SAFE
	AS $$ BEGIN RETURN (SELECT (p_at AT TIME ZONE m.timezone)::date FROM mpps m WHERE m.id = p_mpp); END $$;
