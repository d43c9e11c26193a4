-- The ministry's programme view, continued (issue 14). Forward-only; runs on PostgreSQL 15 and 18.

-- The national audit also keeps the catalogue's edits (standard services added, changed, (de)activated,
-- imported) and the readiness indicators.
ALTER TABLE national_audit DROP CONSTRAINT national_audit_entity_check;
ALTER TABLE national_audit ADD CONSTRAINT national_audit_entity_check
	CHECK (entity IN ('region_status', 'coverage_target', 'standard_service', 'readiness'));

-- An MPP's baseline and readiness as the ministry records it: one row per recorded value, never updated,
-- so each indicator's history is the rows themselves and its current value the newest. The values'
-- meaning and the score's formula live in src/lib/domain/readiness.ts.
CREATE TABLE mpp_readiness (
	id bigserial PRIMARY KEY,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	indicator text NOT NULL CHECK (indicator IN
		('agencies_present', 'digital_services', 'vulnerable_facilities', 'complaint_channel', 'skm_published')),
	-- a whole number for counts, 'true'/'false' for yes/no, an https address for the complaint channel
	value text NOT NULL CHECK (length(value) <= 300),
	recorded_at timestamptz NOT NULL DEFAULT now(),
	recorded_by uuid REFERENCES users (id)
);
CREATE INDEX mpp_readiness_current_idx ON mpp_readiness (mpp_id, indicator, recorded_at DESC, id DESC);

-- Citizens who followed the SP4N-LAPOR! complaint link from a tracking page or the survey, per MPP and
-- its local day. One row per visitor and day, so a reload or a script repeating the link counts once:
-- the visitor is the ticket ('t:' + its id) where the page has one, else a hash of the client's
-- address ('c:' + hash, never the address itself).
CREATE TABLE complaint_clicks (
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	local_date date NOT NULL,
	source text NOT NULL CHECK (source IN ('tracking', 'survey')),
	visitor text NOT NULL CHECK (length(visitor) <= 80),
	PRIMARY KEY (mpp_id, local_date, source, visitor)
);
