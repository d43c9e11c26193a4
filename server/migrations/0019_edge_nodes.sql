-- Edge nodes (issue 13): an MPP on a weak link runs Antrean on its own LAN and syncs with the centre.
-- The centre knows each edge by a token an admin creates in /admin/<mpp> (like a device, only its
-- SHA-256 is kept) and records how far its data has come, so pages can later say "data up to HH:MM".
-- Forward-only; runs on PostgreSQL 15 and 18.
CREATE TABLE edge_nodes (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	mpp_id uuid NOT NULL REFERENCES mpps (id),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
	token_hash text NOT NULL UNIQUE,
	created_by uuid REFERENCES users (id),
	created_at timestamptz NOT NULL DEFAULT now(),
	revoked_at timestamptz,
	last_seen_at timestamptz,
	last_batch_at timestamptz,
	-- the newest event time the centre holds from this edge
	data_through timestamptz,
	-- edge clock minus centre clock at its last contact
	clock_skew_ms integer
);
CREATE INDEX edge_nodes_mpp_idx ON edge_nodes (mpp_id);

-- Creating and revoking an edge token is a configuration change like a device's, kept in the log.
ALTER TABLE config_audit DROP CONSTRAINT config_audit_entity_check;
ALTER TABLE config_audit ADD CONSTRAINT config_audit_entity_check
	CHECK (entity IN ('mpp', 'tenant', 'service', 'counter', 'closed_day', 'device', 'user', 'edge_node'));
