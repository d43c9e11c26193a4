-- Administration (issue 6): closed days of an MPP and the audit log of configuration changes.
-- Forward-only; runs on PostgreSQL 15 and 18.

-- Holidays and other days an MPP does not serve, in its own calendar (DOMAIN §6). The kiosk refuses
-- tickets on these days whatever the weekday's opening hours say.
CREATE TABLE mpp_closed_days (
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
	PRIMARY KEY (mpp_id, local_date)
);

-- Who changed which configuration, when, and what: field → [before, after]. Ticket actions are
-- attributed in ticket_events; this is the same promise for MPPs, tenants, services and counters.
CREATE TABLE config_audit (
	id uuid PRIMARY KEY,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	at timestamptz NOT NULL DEFAULT now(),
	-- no ON DELETE SET NULL: users with history are deactivated, never deleted (as in ticket_events)
	user_id uuid REFERENCES users (id),
	entity text NOT NULL CHECK (entity IN ('mpp', 'tenant', 'service', 'counter', 'closed_day')),
	entity_id text NOT NULL,
	-- what the entity was called at the time, so the log still reads after a rename
	entity_name text NOT NULL,
	action text NOT NULL CHECK (action IN ('created', 'updated', 'deactivated', 'activated', 'deleted')),
	changes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX config_audit_mpp_at_idx ON config_audit (mpp_id, at DESC);

CREATE FUNCTION config_audit_append_only() RETURNS trigger AS $$
BEGIN
	RAISE EXCEPTION 'config_audit is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER config_audit_no_update
	BEFORE UPDATE ON config_audit
	FOR EACH ROW EXECUTE FUNCTION config_audit_append_only();
