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
}

const service = (
	code: string,
	prefix: string,
	name: string,
	targetWaitMinutes: number,
	expectedServiceMinutes: number
): DemoService => ({ code, prefix, name, targetWaitMinutes, expectedServiceMinutes });

export const catalogue = {
	ktp: service('KTP_EL', 'A', 'KTP Elektronik', 30, 8),
	kk: service('KK', 'AK', 'Kartu Keluarga', 30, 8),
	akta: service('AKTA', 'AL', 'Akta Kelahiran dan Kematian', 30, 10),
	pindah: service('PINDAH', 'AP', 'Surat Pindah Datang', 30, 10),
	kia: service('KIA', 'AI', 'Kartu Identitas Anak', 30, 6),
	oss: service('OSS', 'B', 'Perizinan Berusaha (OSS RBA)', 20, 15),
	pbg: service('PBG', 'BG', 'Persetujuan Bangunan Gedung (PBG)', 30, 15),
	konsultasi: service('KONSULTASI', 'BK', 'Konsultasi Perizinan', 20, 15),
	pkb: service('PKB', 'C', 'Pajak Kendaraan Bermotor', 15, 6),
	pbb: service('PBB', 'CB', 'PBB dan BPHTB', 15, 6),
	sim: service('SIM', 'D', 'Perpanjangan SIM', 45, 20),
	skck: service('SKCK', 'DS', 'SKCK', 30, 10),
	paspor: service('PASPOR', 'E', 'Paspor', 30, 12),
	bpjsKesehatan: service('BPJS_KES', 'F', 'BPJS Kesehatan', 20, 10),
	bpjsTk: service('BPJS_TK', 'FT', 'BPJS Ketenagakerjaan', 20, 10),
	bank: service('BANK', 'G', 'Layanan Nasabah Bank', 15, 7),
	nikah: service('NIKAH', 'H', 'Pendaftaran Nikah (KUA)', 30, 15),
	tanah: service('PERTANAHAN', 'J', 'Layanan Pertanahan', 30, 15),
	pajak: service('PAJAK', 'K', 'Layanan Perpajakan (NPWP dan SPT)', 20, 10),
	pln: service('PLN', 'L', 'Layanan Pelanggan Listrik', 15, 8),
	pdam: service('PDAM', 'M', 'Layanan Pelanggan Air Minum', 15, 8),
	taspen: service('TASPEN', 'N', 'Layanan Pensiun Taspen', 20, 10),
	tilang: service('TILANG', 'Q', 'Pengambilan Barang Bukti Tilang', 15, 5)
} satisfies Record<string, DemoService>;

/** The same service with a daily quota (DOMAIN §5: quotas are set per MPP). */
export const withQuota = (s: DemoService, dailyQuota: number): DemoService => ({ ...s, dailyQuota });

/** The same service under another name, e.g. the bank of that region. */
export const named = (s: DemoService, name: string): DemoService => ({ ...s, name });
