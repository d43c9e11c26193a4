-- Citizen satisfaction survey (SKM, PermenPANRB 14/2017, DOMAIN §1). Forward-only.
-- One answer per finished ticket; the nine elements are columns keyed by element code (never by
-- position: implementations order Sarana and Pengaduan differently), each 1 (worst) … 4 (best).
-- Ids are UUIDv7 from the app (src/lib/server/ids.ts): PostgreSQL 15 has no uuidv7().

CREATE TABLE surveys (
	id uuid PRIMARY KEY,
	ticket_id uuid NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
	mpp_id uuid NOT NULL REFERENCES mpps (id) ON DELETE CASCADE,
	-- the service and counter that served the ticket (after any transfer), copied so statistics
	-- group answers without joining tickets
	service_id uuid NOT NULL REFERENCES services (id),
	counter_id uuid REFERENCES counters (id),
	answered_at timestamptz NOT NULL,
	-- the MPP-local day of the SERVICE (the ticket's local_date), not of the answer: an answer given
	-- from home that evening or the next morning rates that day's service, and the respondents of a
	-- day stay a subset of the citizens served that day (respondents vs required sample, DOMAIN §1)
	local_date date NOT NULL,
	persyaratan smallint NOT NULL CHECK (persyaratan BETWEEN 1 AND 4),
	prosedur smallint NOT NULL CHECK (prosedur BETWEEN 1 AND 4),
	waktu smallint NOT NULL CHECK (waktu BETWEEN 1 AND 4),
	biaya smallint NOT NULL CHECK (biaya BETWEEN 1 AND 4),
	produk smallint NOT NULL CHECK (produk BETWEEN 1 AND 4),
	kompetensi smallint NOT NULL CHECK (kompetensi BETWEEN 1 AND 4),
	perilaku smallint NOT NULL CHECK (perilaku BETWEEN 1 AND 4),
	pengaduan smallint NOT NULL CHECK (pengaduan BETWEEN 1 AND 4),
	sarana smallint NOT NULL CHECK (sarana BETWEEN 1 AND 4),
	-- optional respondent profile of the official questionnaire, as codes (age asked as a band)
	age_group text CHECK (age_group IN ('lt20', '20_29', '30_39', '40_49', '50_59', 'ge60')),
	sex text CHECK (sex IN ('male', 'female')),
	education text CHECK (education IN ('sd', 'smp', 'sma', 'diploma', 's1', 's2')),
	occupation text CHECK (occupation IN ('pns', 'tni', 'polri', 'swasta', 'wirausaha', 'lainnya')),
	comment text CHECK (length(comment) <= 1000),
	channel text NOT NULL CHECK (channel IN ('phone', 'tablet')),
	-- the feedback tablet that took the answer; deactivated, never deleted, like ticket_events
	device_id uuid REFERENCES devices (id)
);

-- statistics read one MPP over a range of local days, grouped by service or counter
CREATE INDEX surveys_mpp_date_idx ON surveys (mpp_id, local_date);
CREATE INDEX surveys_service_date_idx ON surveys (service_id, local_date);
CREATE INDEX surveys_counter_date_idx ON surveys (counter_id, local_date) WHERE counter_id IS NOT NULL;

-- the feedback tablet's fallback query: the latest finished ticket at a counter
CREATE INDEX tickets_counter_finished_idx ON tickets (counter_id, finished_at DESC)
	WHERE status = 'done';
