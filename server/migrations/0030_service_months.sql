-- Whole months of each service, for one standard service across every MPP over a year (issue 14): a
-- year of KTP-el read ~290,000 counter-day rows of stats_daily and ~550,000 surveys (1.4 s at 30 M
-- tickets); its whole months are 300 MPPs × 12 here. The partial months at either end are still read
-- by day (src/lib/server/db/standard-service-stats.ts). Forward-only; PostgreSQL 15 and 18.

-- Rebuilt from stats_daily whenever one of the MPP's days is (src/lib/server/db/stats-rollup.ts), so
-- it is exact whenever they are. local_date: the first of the month.
CREATE TABLE stats_service_months (
	service_id uuid NOT NULL,
	mpp_id uuid NOT NULL,
	local_date date NOT NULL,
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
	within_target integer NOT NULL,
	PRIMARY KEY (service_id, local_date)
);
CREATE INDEX stats_service_months_mpp_idx ON stats_service_months (mpp_id, local_date);

WITH days AS (
	SELECT d.*, date_trunc('month', d.local_date)::date AS period FROM stats_daily d
), buckets AS (
	SELECT service_id, period, i, sum(wait_hist[i])::int AS w, sum(service_hist[i])::int AS s
	FROM days, generate_series(1, array_length(wait_hist, 1)) AS i
	GROUP BY service_id, period, i
), histograms AS (
	SELECT service_id, period, array_agg(w ORDER BY i) AS wait_hist, array_agg(s ORDER BY i) AS service_hist
	FROM buckets GROUP BY service_id, period
)
INSERT INTO stats_service_months (service_id, mpp_id, local_date, issued, called, served, no_show, cancelled,
	wait_sum, wait_hist, service_sum, service_count, service_hist, within_target)
SELECT d.service_id, min(d.mpp_id::text)::uuid, d.period, sum(d.issued), sum(d.called), sum(d.served),
	sum(d.no_show), sum(d.cancelled), sum(d.wait_sum), h.wait_hist, sum(d.service_sum), sum(d.service_count),
	h.service_hist, sum(d.within_target)
FROM days d JOIN histograms h USING (service_id, period)
GROUP BY d.service_id, d.period, h.wait_hist, h.service_hist;

-- Survey totals per service and month, kept by statement triggers like survey_mpp_days (an answer can
-- come days after its service; every insert and delete moves them in the same transaction).
CREATE TABLE survey_service_months (
	service_id uuid NOT NULL,
	mpp_id uuid NOT NULL,
	local_date date NOT NULL,
	respondents integer NOT NULL,
	persyaratan integer NOT NULL,
	prosedur integer NOT NULL,
	waktu integer NOT NULL,
	biaya integer NOT NULL,
	produk integer NOT NULL,
	kompetensi integer NOT NULL,
	perilaku integer NOT NULL,
	pengaduan integer NOT NULL,
	sarana integer NOT NULL,
	PRIMARY KEY (service_id, local_date)
);

INSERT INTO survey_service_months
SELECT service_id, min(mpp_id::text)::uuid, date_trunc('month', local_date)::date, count(*), sum(persyaratan),
	sum(prosedur), sum(waktu), sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana)
FROM surveys GROUP BY service_id, date_trunc('month', local_date);

CREATE FUNCTION survey_service_months_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO survey_service_months AS m
	SELECT service_id, min(mpp_id::text)::uuid, date_trunc('month', local_date)::date, count(*), sum(persyaratan),
		sum(prosedur), sum(waktu), sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(pengaduan),
		sum(sarana)
	FROM added GROUP BY service_id, date_trunc('month', local_date)
	-- a fixed order, so two statements touching the same months never deadlock
	ORDER BY 1, 3
	ON CONFLICT (service_id, local_date) DO UPDATE SET
		respondents = m.respondents + EXCLUDED.respondents,
		persyaratan = m.persyaratan + EXCLUDED.persyaratan, prosedur = m.prosedur + EXCLUDED.prosedur,
		waktu = m.waktu + EXCLUDED.waktu, biaya = m.biaya + EXCLUDED.biaya, produk = m.produk + EXCLUDED.produk,
		kompetensi = m.kompetensi + EXCLUDED.kompetensi, perilaku = m.perilaku + EXCLUDED.perilaku,
		pengaduan = m.pengaduan + EXCLUDED.pengaduan, sarana = m.sarana + EXCLUDED.sarana;
	RETURN NULL;
END $$;

CREATE FUNCTION survey_service_months_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE survey_service_months m SET
		respondents = m.respondents - r.respondents,
		persyaratan = m.persyaratan - r.persyaratan, prosedur = m.prosedur - r.prosedur,
		waktu = m.waktu - r.waktu, biaya = m.biaya - r.biaya, produk = m.produk - r.produk,
		kompetensi = m.kompetensi - r.kompetensi, perilaku = m.perilaku - r.perilaku,
		pengaduan = m.pengaduan - r.pengaduan, sarana = m.sarana - r.sarana
	FROM (
		SELECT service_id, date_trunc('month', local_date)::date AS local_date, count(*)::int AS respondents,
			sum(persyaratan)::int AS persyaratan, sum(prosedur)::int AS prosedur, sum(waktu)::int AS waktu,
			sum(biaya)::int AS biaya, sum(produk)::int AS produk, sum(kompetensi)::int AS kompetensi,
			sum(perilaku)::int AS perilaku, sum(pengaduan)::int AS pengaduan, sum(sarana)::int AS sarana
		FROM removed GROUP BY service_id, date_trunc('month', local_date)
	) r
	WHERE m.service_id = r.service_id AND m.local_date = r.local_date;
	DELETE FROM survey_service_months m
	USING (SELECT DISTINCT service_id, date_trunc('month', local_date)::date AS local_date FROM removed) r
	WHERE m.service_id = r.service_id AND m.local_date = r.local_date AND m.respondents = 0;
	RETURN NULL;
END $$;

CREATE TRIGGER surveys_service_months_added AFTER INSERT ON surveys
	REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION survey_service_months_add();
CREATE TRIGGER surveys_service_months_removed AFTER DELETE ON surveys
	REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION survey_service_months_remove();
