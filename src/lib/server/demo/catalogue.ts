// The queue services a demo MPP can offer, one per ticket prefix. Service times are the medians of
// DOMAIN.md's generator profile; target waits and quotas follow DOMAIN §4/§5 (Denpasar Dukcapil
// 400/day, SIM 50/day; Bekasi Dukcapil 250, SIM 130). A real MPP lists hundreds of permit types; a
// queue groups them into a few services per agency, which is what a kiosk shows.

export interface DemoService {
	code: string;
	prefix: string;
	name: string;
	targetWaitMinutes: number;
	expectedServiceMinutes: number;
	dailyQuota?: number;
	/** per cent of the quota kept for priority groups */
	priorityReserveShare?: number;
	/** the national standard service it maps to (0017_service_catalogue.sql); null = local only */
	standard: string | null;
}

const service = (
	code: string,
	prefix: string,
	name: string,
	targetWaitMinutes: number,
	expectedServiceMinutes: number,
	standard: string | null
): DemoService => ({ code, prefix, name, targetWaitMinutes, expectedServiceMinutes, standard });

export const catalogue = {
	ktp: service('KTP_EL', 'A', 'KTP Elektronik', 30, 8, 'KTP_EL'),
	kk: service('KK', 'AK', 'Kartu Keluarga', 30, 8, 'KK'),
	akta: service('AKTA', 'AL', 'Akta Kelahiran dan Kematian', 30, 10, 'AKTA_LAHIR'),
	pindah: service('PINDAH', 'AP', 'Surat Pindah Datang', 30, 10, 'PINDAH_DATANG'),
	kia: service('KIA', 'AI', 'Kartu Identitas Anak', 30, 6, 'KIA'),
	oss: service('OSS', 'B', 'Perizinan Berusaha (OSS RBA)', 20, 15, 'NIB_OSS'),
	pbg: service('PBG', 'BG', 'Persetujuan Bangunan Gedung (PBG)', 30, 15, 'PBG'),
	konsultasi: service('KONSULTASI', 'BK', 'Konsultasi Perizinan', 20, 15, null),
	pkb: service('PKB', 'C', 'Pajak Kendaraan Bermotor', 15, 6, 'PKB_TAHUNAN'),
	pbb: service('PBB', 'CB', 'PBB dan BPHTB', 15, 6, 'PBB_P2'),
	sim: service('SIM', 'D', 'Perpanjangan SIM', 45, 20, 'SIM_PERPANJANGAN'),
	skck: service('SKCK', 'DS', 'SKCK', 30, 10, 'SKCK'),
	paspor: service('PASPOR', 'E', 'Paspor', 30, 12, 'PASPOR'),
	bpjsKesehatan: service('BPJS_KES', 'F', 'BPJS Kesehatan', 20, 10, 'JKN_PESERTA'),
	bpjsTk: service('BPJS_TK', 'FT', 'BPJS Ketenagakerjaan', 20, 10, 'BPJSTK_PESERTA'),
	bank: service('BANK', 'G', 'Layanan Nasabah Bank', 15, 7, 'REKENING_BANK'),
	nikah: service('NIKAH', 'H', 'Pendaftaran Nikah (KUA)', 30, 15, 'DAFTAR_NIKAH'),
	tanah: service('PERTANAHAN', 'J', 'Layanan Pertanahan', 30, 15, 'SERTIPIKAT_TANAH'),
	pajak: service('PAJAK', 'K', 'Layanan Perpajakan (NPWP dan SPT)', 20, 10, 'NPWP'),
	pln: service('PLN', 'L', 'Layanan Pelanggan Listrik', 15, 8, 'LISTRIK_BARU'),
	pdam: service('PDAM', 'M', 'Layanan Pelanggan Air Minum', 15, 8, 'AIR_BARU'),
	taspen: service('TASPEN', 'N', 'Layanan Pensiun Taspen', 20, 10, 'PENSIUN_TASPEN'),
	tilang: service('TILANG', 'Q', 'Pengambilan Barang Bukti Tilang', 15, 5, 'TILANG')
} satisfies Record<string, DemoService>;

/**
 * The same service with a daily quota (DOMAIN §5: quotas are set per MPP), of which 6 % is kept for
 * priority groups (DOMAIN §8: Imigrasi keeps places for the elderly and toddlers; profile priority_share).
 */
export const withQuota = (s: DemoService, dailyQuota: number): DemoService => ({
	...s,
	dailyQuota,
	priorityReserveShare: 6
});

/** The same service under another name, e.g. the bank of that region. */
export const named = (s: DemoService, name: string): DemoService => ({ ...s, name });
