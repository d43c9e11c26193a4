-- The same measures per MPP × local day × local hour, over all services and counters: a year of a
-- large MPP is ~3,000 rows here against ~140,000 in stats_hourly, so history grouped by day, hour or
-- weekday (and issue 5's national figures) reads this table. Rebuilt with the others (0004_stats.sql).
CREATE TABLE stats_mpp_hourly (
	mpp_id uuid NOT NULL,
	local_date date NOT NULL,
	local_hour smallint NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
	issued integer NOT NULL,
	called integer NOT NULL,
	served integer NOT NULL,
	no_show integer NOT NULL,
	cancelled integer NOT NULL,
	wait_sum double precision NOT NULL,
	wait_hist integer[] NOT NULL,
	service_sum double precision NOT NULL,
	service_count integer NOT NULL,
	service_hist integer[] NOT NULL,
	within_target integer NOT NULL
);
CREATE INDEX stats_mpp_hourly_mpp_date_idx ON stats_mpp_hourly (mpp_id, local_date);
