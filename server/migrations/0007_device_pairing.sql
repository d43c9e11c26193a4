-- Pairing a device by a short code (issue 6 "Devices"). Forward-only; runs on PostgreSQL 15 and 18.

-- A TV, kiosk or feedback tablet that is not paired yet shows a short code; the MPP's admin types it
-- in. The device proves it is the one that asked by a secret in its own cookie (only its SHA-256 is
-- kept), and receives its device token on its next check once the admin has claimed the code.
CREATE TABLE device_pairings (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	kind text NOT NULL CHECK (kind IN ('display', 'kiosk', 'feedback')),
	code text NOT NULL CHECK (code ~ '^[A-Z2-9]{6}$'),
	secret_hash text NOT NULL UNIQUE,
	device_id uuid REFERENCES devices (id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL
);
-- an open code names one request in its MPP; claimed and expired rows are deleted as new ones come
CREATE UNIQUE INDEX device_pairings_open_code_idx ON device_pairings (mpp_id, code) WHERE device_id IS NULL;

ALTER TABLE config_audit DROP CONSTRAINT config_audit_entity_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_entity_check
	CHECK (entity IN ('mpp', 'tenant', 'service', 'counter', 'closed_day', 'device'));
ALTER TABLE config_audit DROP CONSTRAINT config_audit_action_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_action_check
	CHECK (action IN ('created', 'updated', 'deactivated', 'activated', 'deleted', 'paired', 'revoked'));
