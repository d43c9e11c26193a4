-- MPP coverage of Indonesia's regencies and cities (issue 14). The 514 regencies and cities themselves
-- come from the `idn-area-data` package (Kemendagri codes such as 94.71); the database keeps what the
-- ministry knows of each: no MPP, planned, building or inaugurated (with its date). "Operating on
-- Antrean" is never stored: it is an active MPP here whose region code is that regency's.
-- Forward-only; runs on PostgreSQL 15 and 18.
CREATE TABLE region_statuses (
	code text PRIMARY KEY CHECK (code ~ '^\d{2}\.\d{2}$'),
	status text NOT NULL CHECK (status IN ('none', 'planned', 'building', 'inaugurated')),
	inaugurated_on date,
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by uuid REFERENCES users (id),
	CHECK ((status = 'inaugurated') = (inaugurated_on IS NOT NULL))
);

-- The programme's yearly targets: how many regencies and cities should have an MPP by the end of the year.
CREATE TABLE coverage_targets (
	year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
	regencies integer NOT NULL CHECK (regencies BETWEEN 1 AND 1000),
	updated_at timestamptz NOT NULL DEFAULT now(),
	updated_by uuid REFERENCES users (id)
);

-- Changes the ministry makes to national records (coverage statuses, targets), kept like config_audit
-- keeps an MPP's.
CREATE TABLE national_audit (
	id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	at timestamptz NOT NULL DEFAULT now(),
	user_id uuid REFERENCES users (id),
	entity text NOT NULL CHECK (entity IN ('region_status', 'coverage_target')),
	entity_id text NOT NULL,
	changes jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX national_audit_at_idx ON national_audit (at DESC);
