-- Coarser rollups for the ministry's national view (issue 5): 12 months × 300 MPPs is ~1.3 million
-- rows of stats_mpp_hourly but ~110,000 here, one row per MPP × local day. Forward-only.

-- The measures of stats_mpp_hourly summed over the day; rebuilt with the other rollups
-- (src/lib/server/db/stats-rollup.ts), so it is exact whenever they are.
CREATE TABLE stats_mpp_days (
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
	PRIMARY KEY (mpp_id, local_date)
);

WITH buckets AS (
	SELECT mpp_id, local_date, i, sum(wait_hist[i])::int AS w, sum(service_hist[i])::int AS s
	FROM stats_mpp_hourly, generate_series(1, array_length(wait_hist, 1)) AS i
	GROUP BY mpp_id, local_date, i
), histograms AS (
	SELECT mpp_id, local_date, array_agg(w ORDER BY i) AS wait_hist, array_agg(s ORDER BY i) AS service_hist
	FROM buckets GROUP BY mpp_id, local_date
)
INSERT INTO stats_mpp_days (mpp_id, local_date, issued, called, served, no_show, cancelled, wait_sum,
	wait_hist, service_sum, service_count, service_hist, within_target)
SELECT r.mpp_id, r.local_date, sum(r.issued), sum(r.called), sum(r.served), sum(r.no_show), sum(r.cancelled),
	sum(r.wait_sum), h.wait_hist, sum(r.service_sum), sum(r.service_count), h.service_hist, sum(r.within_target)
FROM stats_mpp_hourly r JOIN histograms h USING (mpp_id, local_date)
GROUP BY r.mpp_id, r.local_date, h.wait_hist, h.service_hist;

-- Survey answers per MPP × local day of service: respondents and the nine element sums, all the IKM
-- needs (DOMAIN §1). Unlike the ticket rollups it is kept in the inserting statement itself, by the
-- statement triggers below, because an answer may come days after its service (from the phone):
-- every insert and delete, COPY included, moves the totals in the same transaction.
CREATE TABLE survey_mpp_days (
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
	PRIMARY KEY (mpp_id, local_date)
);

INSERT INTO survey_mpp_days
SELECT mpp_id, local_date, count(*), sum(persyaratan), sum(prosedur), sum(waktu), sum(biaya), sum(produk),
	sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana)
FROM surveys GROUP BY mpp_id, local_date;

CREATE FUNCTION survey_mpp_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO survey_mpp_days AS d
	SELECT mpp_id, local_date, count(*), sum(persyaratan), sum(prosedur), sum(waktu), sum(biaya), sum(produk),
		sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana)
	FROM added GROUP BY mpp_id, local_date
	-- a fixed order, so two statements touching the same days never deadlock
	ORDER BY mpp_id, local_date
	ON CONFLICT (mpp_id, local_date) DO UPDATE SET
		respondents = d.respondents + EXCLUDED.respondents,
		persyaratan = d.persyaratan + EXCLUDED.persyaratan, prosedur = d.prosedur + EXCLUDED.prosedur,
		waktu = d.waktu + EXCLUDED.waktu, biaya = d.biaya + EXCLUDED.biaya, produk = d.produk + EXCLUDED.produk,
		kompetensi = d.kompetensi + EXCLUDED.kompetensi, perilaku = d.perilaku + EXCLUDED.perilaku,
		pengaduan = d.pengaduan + EXCLUDED.pengaduan, sarana = d.sarana + EXCLUDED.sarana;
	RETURN NULL;
END $$;

CREATE FUNCTION survey_mpp_days_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE survey_mpp_days d SET
		respondents = d.respondents - r.respondents,
		persyaratan = d.persyaratan - r.persyaratan, prosedur = d.prosedur - r.prosedur,
		waktu = d.waktu - r.waktu, biaya = d.biaya - r.biaya, produk = d.produk - r.produk,
		kompetensi = d.kompetensi - r.kompetensi, perilaku = d.perilaku - r.perilaku,
		pengaduan = d.pengaduan - r.pengaduan, sarana = d.sarana - r.sarana
	FROM (
		SELECT mpp_id, local_date, count(*)::int AS respondents, sum(persyaratan)::int AS persyaratan,
			sum(prosedur)::int AS prosedur, sum(waktu)::int AS waktu, sum(biaya)::int AS biaya,
			sum(produk)::int AS produk, sum(kompetensi)::int AS kompetensi, sum(perilaku)::int AS perilaku,
			sum(pengaduan)::int AS pengaduan, sum(sarana)::int AS sarana
		FROM removed GROUP BY mpp_id, local_date
	) r
	WHERE d.mpp_id = r.mpp_id AND d.local_date = r.local_date;
	DELETE FROM survey_mpp_days d USING (SELECT DISTINCT mpp_id, local_date FROM removed) r
	WHERE d.mpp_id = r.mpp_id AND d.local_date = r.local_date AND d.respondents = 0;
	RETURN NULL;
END $$;

CREATE TRIGGER surveys_count_added AFTER INSERT ON surveys
	REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION survey_mpp_days_add();
CREATE TRIGGER surveys_count_removed AFTER DELETE ON surveys
	REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION survey_mpp_days_remove();

-- surveys are never edited: an update would bypass the totals above, so it is refused outright
CREATE FUNCTION surveys_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'surveys are append-only';
END $$;
CREATE TRIGGER surveys_no_update BEFORE UPDATE ON surveys FOR EACH STATEMENT EXECUTE FUNCTION surveys_refuse_update();
