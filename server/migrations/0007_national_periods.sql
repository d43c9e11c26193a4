-- Weeks and months of stats_mpp_days and survey_mpp_days, for the ministry's year-long views: 300 MPPs
-- × 12 months is ~110,000 day rows but 3,600 month rows (15,600 week rows). A year is read as its
-- whole months (or ISO weeks) from here and the partial ones at either end from the day tables
-- (src/lib/server/db/national.ts). Forward-only.

-- kind 'week': local_date is the Monday of an ISO week; 'month': the first of the month. Rebuilt from
-- stats_mpp_days whenever one of its days is (src/lib/server/db/stats-rollup.ts), so it is exact
-- whenever they are.
CREATE TABLE stats_mpp_periods (
	mpp_id uuid NOT NULL,
	kind text NOT NULL CHECK (kind IN ('week', 'month')),
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
	PRIMARY KEY (mpp_id, kind, local_date)
);

WITH days AS (
	SELECT d.*, k.kind, date_trunc(k.kind, d.local_date)::date AS period
	FROM stats_mpp_days d CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
), buckets AS (
	SELECT mpp_id, kind, period, i, sum(wait_hist[i])::int AS w, sum(service_hist[i])::int AS s
	FROM days, generate_series(1, array_length(wait_hist, 1)) AS i
	GROUP BY mpp_id, kind, period, i
), histograms AS (
	SELECT mpp_id, kind, period, array_agg(w ORDER BY i) AS wait_hist, array_agg(s ORDER BY i) AS service_hist
	FROM buckets GROUP BY mpp_id, kind, period
)
INSERT INTO stats_mpp_periods (mpp_id, kind, local_date, issued, called, served, no_show, cancelled, wait_sum,
	wait_hist, service_sum, service_count, service_hist, within_target)
SELECT d.mpp_id, d.kind, d.period, sum(d.issued), sum(d.called), sum(d.served), sum(d.no_show), sum(d.cancelled),
	sum(d.wait_sum), h.wait_hist, sum(d.service_sum), sum(d.service_count), h.service_hist, sum(d.within_target)
FROM days d JOIN histograms h USING (mpp_id, kind, period)
GROUP BY d.mpp_id, d.kind, d.period, h.wait_hist, h.service_hist;

-- The survey totals per week and month, kept by the same statement triggers as survey_mpp_days.
CREATE TABLE survey_mpp_periods (
	mpp_id uuid NOT NULL,
	kind text NOT NULL CHECK (kind IN ('week', 'month')),
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
	PRIMARY KEY (mpp_id, kind, local_date)
);

INSERT INTO survey_mpp_periods
SELECT mpp_id, k.kind, date_trunc(k.kind, local_date)::date, sum(respondents), sum(persyaratan), sum(prosedur),
	sum(waktu), sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana)
FROM survey_mpp_days CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
GROUP BY mpp_id, k.kind, date_trunc(k.kind, local_date);

CREATE OR REPLACE FUNCTION survey_mpp_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
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
	INSERT INTO survey_mpp_periods AS p
	SELECT mpp_id, k.kind, date_trunc(k.kind, local_date)::date, count(*), sum(persyaratan), sum(prosedur),
		sum(waktu), sum(biaya), sum(produk), sum(kompetensi), sum(perilaku), sum(pengaduan), sum(sarana)
	FROM added CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
	GROUP BY mpp_id, k.kind, date_trunc(k.kind, local_date)
	ORDER BY 1, 2, 3
	ON CONFLICT (mpp_id, kind, local_date) DO UPDATE SET
		respondents = p.respondents + EXCLUDED.respondents,
		persyaratan = p.persyaratan + EXCLUDED.persyaratan, prosedur = p.prosedur + EXCLUDED.prosedur,
		waktu = p.waktu + EXCLUDED.waktu, biaya = p.biaya + EXCLUDED.biaya, produk = p.produk + EXCLUDED.produk,
		kompetensi = p.kompetensi + EXCLUDED.kompetensi, perilaku = p.perilaku + EXCLUDED.perilaku,
		pengaduan = p.pengaduan + EXCLUDED.pengaduan, sarana = p.sarana + EXCLUDED.sarana;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION survey_mpp_days_remove() RETURNS trigger LANGUAGE plpgsql AS $$
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
	UPDATE survey_mpp_periods p SET
		respondents = p.respondents - r.respondents,
		persyaratan = p.persyaratan - r.persyaratan, prosedur = p.prosedur - r.prosedur,
		waktu = p.waktu - r.waktu, biaya = p.biaya - r.biaya, produk = p.produk - r.produk,
		kompetensi = p.kompetensi - r.kompetensi, perilaku = p.perilaku - r.perilaku,
		pengaduan = p.pengaduan - r.pengaduan, sarana = p.sarana - r.sarana
	FROM (
		SELECT mpp_id, k.kind, date_trunc(k.kind, local_date)::date AS local_date, count(*)::int AS respondents,
			sum(persyaratan)::int AS persyaratan, sum(prosedur)::int AS prosedur, sum(waktu)::int AS waktu,
			sum(biaya)::int AS biaya, sum(produk)::int AS produk, sum(kompetensi)::int AS kompetensi,
			sum(perilaku)::int AS perilaku, sum(pengaduan)::int AS pengaduan, sum(sarana)::int AS sarana
		FROM removed CROSS JOIN (VALUES ('week'), ('month')) AS k (kind)
		GROUP BY mpp_id, k.kind, date_trunc(k.kind, local_date)
	) r
	WHERE p.mpp_id = r.mpp_id AND p.kind = r.kind AND p.local_date = r.local_date;
	DELETE FROM survey_mpp_periods p WHERE p.respondents = 0
		AND (p.mpp_id, p.local_date) IN (
			SELECT mpp_id, date_trunc(k.kind, local_date)::date FROM removed CROSS JOIN (VALUES ('week'), ('month')) AS k (kind));
	RETURN NULL;
END $$;
