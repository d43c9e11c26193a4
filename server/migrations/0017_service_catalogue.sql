-- The national service catalogue (issue 14): standard services the ministry keeps, and the mapping
-- of every MPP service to one of them (or "local only"), so the same service can be compared across
-- MPPs although each MPP names and codes its own. Forward-only; runs on PostgreSQL 15 and 18.

-- The code is the key other systems, CSV files and MPP mappings use, so it never changes once
-- created; the ministry renames a service or moves it to another agency without breaking a mapping.
CREATE TABLE standard_services (
	code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{1,32}$'),
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	-- the responsible ministry or agency, as citizens know it ("Dukcapil (Kemendagri)")
	agency text NOT NULL CHECK (length(agency) BETWEEN 1 AND 200),
	-- whether the agency takes part in MPPs under one of the ministry's MoUs (DOMAIN §2: 17 of them)
	mou boolean NOT NULL DEFAULT false,
	-- deactivated, never deleted: MPP mappings and past answers keep pointing at it
	active boolean NOT NULL DEFAULT true,
	updated_at timestamptz NOT NULL DEFAULT now()
);

-- Each MPP service maps to one standard service, or is marked local only; both empty = not yet
-- decided, which the admin pages show as a task.
ALTER TABLE services
	ADD COLUMN standard_code text REFERENCES standard_services (code),
	ADD COLUMN local_only boolean NOT NULL DEFAULT false,
	ADD CONSTRAINT services_standard_or_local CHECK (NOT (local_only AND standard_code IS NOT NULL));
CREATE INDEX services_standard_code_idx ON services (standard_code) WHERE standard_code IS NOT NULL;

-- National answers per standard service read the day rollups of a few hundred services (one per
-- MPP) over a period; by service and date that is a range scan each, not every row of every MPP.
CREATE INDEX stats_daily_service_date_idx ON stats_daily (service_id, local_date);

-- A realistic starting list of services found in MPPs (DOMAIN §2 "Typical tenants"). Which agencies
-- the 2022 MoU with 17 ministries and agencies names is UNVERIFIED: central agencies are marked as
-- under an MoU, regional offices, banks and utilities are not. The ministry edits both.
INSERT INTO standard_services (code, name, agency, mou) VALUES
	('KTP_EL', 'Perekaman dan pencetakan KTP-el', 'Dukcapil (Kemendagri)', true),
	('KK', 'Kartu Keluarga (KK)', 'Dukcapil (Kemendagri)', true),
	('AKTA_LAHIR', 'Akta kelahiran', 'Dukcapil (Kemendagri)', true),
	('AKTA_KEMATIAN', 'Akta kematian', 'Dukcapil (Kemendagri)', true),
	('KIA', 'Kartu Identitas Anak (KIA)', 'Dukcapil (Kemendagri)', true),
	('PINDAH_DATANG', 'Surat keterangan pindah datang', 'Dukcapil (Kemendagri)', true),
	('IKD', 'Aktivasi Identitas Kependudukan Digital (IKD)', 'Dukcapil (Kemendagri)', true),
	('SIM_PERPANJANGAN', 'Perpanjangan SIM', 'Polri (Satpas)', true),
	('SKCK', 'Surat Keterangan Catatan Kepolisian (SKCK)', 'Polri', true),
	('PASPOR', 'Paspor (permohonan baru dan penggantian)', 'Imigrasi (Ditjen Imigrasi)', true),
	('JKN_PESERTA', 'Pendaftaran dan perubahan data peserta JKN', 'BPJS Kesehatan', true),
	('BPJSTK_PESERTA', 'Pendaftaran peserta BPJS Ketenagakerjaan', 'BPJS Ketenagakerjaan', true),
	('BPJSTK_JHT', 'Klaim Jaminan Hari Tua (JHT)', 'BPJS Ketenagakerjaan', true),
	('PKB_TAHUNAN', 'Pembayaran pajak kendaraan bermotor tahunan', 'Samsat', true),
	('STNK_LIMA_TAHUNAN', 'Pengesahan STNK lima tahunan', 'Samsat', true),
	('NIB_OSS', 'Nomor Induk Berusaha (NIB) melalui OSS-RBA', 'Kementerian Investasi/BKPM (OSS-RBA)', true),
	('PBG', 'Persetujuan Bangunan Gedung (PBG)', 'DPMPTSP', false),
	('SIP_NAKES', 'Surat izin praktik tenaga kesehatan', 'DPMPTSP', false),
	('NPWP', 'Pendaftaran NPWP', 'Pajak (DJP)', true),
	('SPT_TAHUNAN', 'Asistensi SPT Tahunan', 'Pajak (DJP)', true),
	('EFIN', 'Aktivasi EFIN', 'Pajak (DJP)', true),
	('SERTIPIKAT_TANAH', 'Pengecekan dan balik nama sertipikat tanah', 'BPN (Kementerian ATR/BPN)', true),
	('INFO_PERTANAHAN', 'Informasi pertanahan (SKPT)', 'BPN (Kementerian ATR/BPN)', true),
	('DAFTAR_NIKAH', 'Pendaftaran nikah', 'Kemenag (KUA)', true),
	('DAFTAR_HAJI', 'Pendaftaran haji reguler', 'Kemenag', true),
	('PBB_P2', 'Pajak Bumi dan Bangunan (PBB-P2)', 'Bapenda', false),
	('BPHTB', 'Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)', 'Bapenda', false),
	('REKENING_BANK', 'Pembukaan rekening tabungan', 'Bank (BPD)', false),
	('SETOR_BAYAR', 'Setoran dan pembayaran tagihan', 'Bank (BPD)', false),
	('LISTRIK_BARU', 'Pasang baru dan tambah daya listrik', 'PLN', false),
	('AIR_BARU', 'Sambungan baru air minum', 'PDAM', false),
	('PENSIUN_TASPEN', 'Klaim dan pembayaran pensiun', 'Taspen', true),
	('REGISTRASI_PANGAN', 'Konsultasi registrasi pangan olahan', 'BPOM', true),
	('KEPABEANAN', 'Konsultasi kepabeanan dan cukai', 'Bea Cukai (DJBC)', true),
	('KARTU_KUNING', 'Kartu pencari kerja (AK/I)', 'Disnaker', false),
	('PERKARA_PENGADILAN', 'Informasi perkara dan e-Court', 'Pengadilan (Mahkamah Agung)', true),
	('TILANG', 'Pengambilan barang bukti tilang', 'Kejaksaan', true),
	('SKHPN', 'Surat Keterangan Hasil Pemeriksaan Narkotika (SKHPN)', 'BNN', true),
	('POS_KIRIM', 'Pengiriman surat dan paket', 'Pos Indonesia', false);
