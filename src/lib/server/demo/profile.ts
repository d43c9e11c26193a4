// The three demo MPPs, one per Indonesian time zone (DOMAIN §6), sized after DOMAIN's generator
// profile (small/medium/large) with the tenants DOMAIN §2 lists as typical.
import type { OpeningHours } from '../../domain/types';
import type { ReadinessIndicator } from '../../domain/readiness';
import { catalogue as c, named, withQuota, type DemoService } from './catalogue';

export const DEMO_PASSWORD = 'antrean-demo';
export const DEMO_EMAIL_DOMAIN = 'antrean.test';

export interface DemoTenant {
	code: string;
	name: string;
	/** DOMAIN profile: Dukcapil 3–8 counters, other agencies 1–3 */
	counters: number;
	services: DemoService[];
}

export interface DemoMpp {
	slug: string;
	/** Kemendagri regency/city code (idn-area-data), for the ministry's coverage */
	regionCode: string;
	/** the ministry's readiness record at the start (issue 14); none: nothing recorded yet */
	readiness?: Partial<Record<ReadinessIndicator, string>>;
	name: string;
	province: string;
	city: string;
	timezone: string;
	size: 'small' | 'medium' | 'large';
	openingHours: OpeningHours;
	runningText: string;
	/** manager, supervisor, then one operator per tenant, in tenant order */
	people: { manager: string; supervisor: string; operators: string[] };
	tenants: DemoTenant[];
}

// ≈ 07:30–16:00 Mon–Fri with the Friday prayer break (DOMAIN profile "hours"); Saturday half-day
// only where the MPP is large (Siola, DKI); closed on Sunday.
function hours(open: string, close: string, saturday: boolean): OpeningHours {
	const day: [string, string][] = [[open, close]];
	return {
		sun: [],
		mon: day,
		tue: day,
		wed: day,
		thu: day,
		fri: [
			[open, '11:30'],
			['13:00', close]
		],
		sat: saturday ? [['08:00', '12:00']] : []
	};
}

const runningText = (city: string) =>
	`Selamat datang di Mal Pelayanan Publik ${city}. Seluruh layanan tidak dipungut biaya kecuali yang diatur ` +
	'undang-undang. Pengambilan nomor antrean ditutup 60 menit sebelum layanan berakhir. ' +
	'Dahulukan lansia, penyandang disabilitas, ibu hamil dan anak-anak.';

const bandung: DemoMpp = {
	slug: 'bandung',
	regionCode: '32.73',
	readiness: {
		agencies_present: '14',
		digital_services: '8',
		vulnerable_facilities: 'true',
		complaint_channel: 'https://www.lapor.go.id/',
		skm_published: 'true'
	},
	name: 'Mal Pelayanan Publik Kota Bandung',
	province: 'Jawa Barat',
	city: 'Kota Bandung',
	timezone: 'Asia/Jakarta',
	size: 'large',
	openingHours: hours('07:30', '16:00', true),
	runningText: runningText('Kota Bandung'),
	people: {
		manager: 'Rina Marlina',
		supervisor: 'Dadang Suherman',
		operators: [
			'Asep Saepudin',
			'Neng Wulan Sari',
			'Ujang Hermawan',
			'Euis Komalasari',
			'Cecep Supriatna',
			'Yayan Ruhiyat',
			'Siti Nurhayati',
			'Dedi Kurniawan',
			'Lilis Suryani',
			'Agus Setiawan',
			'Iis Rahmawati',
			'Dudi Hidayat',
			'Nining Suningsih',
			'Jajang Nurjaman',
			'Tati Rohayati',
			'Ade Sukmana'
		]
	},
	tenants: [
		{
			code: 'DUKCAPIL',
			name: 'Disdukcapil Kota Bandung',
			counters: 8,
			services: [withQuota(c.ktp, 400), withQuota(c.kk, 200), withQuota(c.akta, 150), c.pindah, c.kia]
		},
		{ code: 'DPMPTSP', name: 'DPMPTSP Kota Bandung', counters: 3, services: [c.oss, c.pbg, c.konsultasi] },
		{ code: 'BAPENDA', name: 'Bapenda Kota Bandung', counters: 2, services: [c.pbb] },
		{ code: 'SAMSAT', name: 'Samsat Kota Bandung I', counters: 3, services: [c.pkb] },
		{
			code: 'POLRI',
			name: 'Polrestabes Bandung',
			counters: 3,
			services: [withQuota(c.sim, 130), withQuota(c.skck, 150)]
		},
		{
			code: 'IMIGRASI',
			name: 'Kantor Imigrasi Kelas I TPI Bandung',
			counters: 2,
			services: [withQuota(c.paspor, 100)]
		},
		{ code: 'BPJS_KES', name: 'BPJS Kesehatan Cabang Bandung', counters: 2, services: [c.bpjsKesehatan] },
		{ code: 'BPJS_TK', name: 'BPJS Ketenagakerjaan Bandung Suci', counters: 1, services: [c.bpjsTk] },
		{ code: 'BANK', name: 'Bank bjb', counters: 2, services: [named(c.bank, 'Layanan Nasabah bank bjb')] },
		{ code: 'KEMENAG', name: 'Kantor Kementerian Agama Kota Bandung', counters: 1, services: [c.nikah] },
		{ code: 'BPN', name: 'Kantor Pertanahan Kota Bandung', counters: 2, services: [c.tanah] },
		{ code: 'DJP', name: 'KPP Pratama Bandung Cibeunying', counters: 1, services: [c.pajak] },
		{ code: 'PLN', name: 'PLN UP3 Bandung', counters: 1, services: [c.pln] },
		{ code: 'PDAM', name: 'Perumda Tirtawening', counters: 1, services: [c.pdam] },
		{ code: 'TASPEN', name: 'Taspen Bandung', counters: 1, services: [c.taspen] },
		{ code: 'KEJARI', name: 'Kejaksaan Negeri Kota Bandung', counters: 1, services: [c.tilang] }
	]
};

const denpasar: DemoMpp = {
	slug: 'denpasar',
	regionCode: '51.71',
	name: 'Mal Pelayanan Publik Kota Denpasar',
	province: 'Bali',
	city: 'Kota Denpasar',
	timezone: 'Asia/Makassar',
	size: 'medium',
	// Denpasar: ticket machine from 07:45, service from 08:00 WITA (DOMAIN §2 [29])
	openingHours: hours('08:00', '16:00', false),
	runningText: runningText('Kota Denpasar'),
	people: {
		manager: 'Ni Luh Putu Ayu Suartini',
		supervisor: 'I Gede Agus Mahendra',
		operators: [
			'I Made Wirawan',
			'Ni Kadek Dwi Lestari',
			'I Komang Adi Putra',
			'Ni Wayan Sukerti',
			'I Nyoman Budiarta',
			'Ni Ketut Sriani',
			'I Putu Eka Saputra',
			'Ni Made Ariani',
			'I Ketut Sudarsana',
			'Ni Komang Yuliantari',
			'I Wayan Sudiarsa',
			'Ni Putu Widyastuti'
		]
	},
	tenants: [
		{
			code: 'DUKCAPIL',
			name: 'Disdukcapil Kota Denpasar',
			counters: 5,
			services: [withQuota(c.ktp, 400), withQuota(c.kk, 150), c.akta, c.kia]
		},
		{ code: 'DPMPTSP', name: 'DPMPTSP Kota Denpasar', counters: 2, services: [c.oss, c.pbg] },
		{ code: 'BAPENDA', name: 'Bapenda Kota Denpasar', counters: 1, services: [c.pbb] },
		{ code: 'SAMSAT', name: 'UPTD PPRD Kota Denpasar (Samsat)', counters: 2, services: [c.pkb] },
		{
			code: 'POLRI',
			name: 'Polresta Denpasar',
			counters: 2,
			services: [withQuota(c.sim, 50), withQuota(c.skck, 100)]
		},
		{
			code: 'IMIGRASI',
			name: 'Kantor Imigrasi Kelas I TPI Denpasar',
			counters: 2,
			services: [withQuota(c.paspor, 80)]
		},
		{ code: 'BPJS_KES', name: 'BPJS Kesehatan Cabang Denpasar', counters: 1, services: [c.bpjsKesehatan] },
		{ code: 'BPJS_TK', name: 'BPJS Ketenagakerjaan Denpasar', counters: 1, services: [c.bpjsTk] },
		{
			code: 'BANK',
			name: 'Bank BPD Bali',
			counters: 1,
			services: [named(c.bank, 'Layanan Nasabah Bank BPD Bali')]
		},
		{ code: 'KEMENAG', name: 'Kantor Kementerian Agama Kota Denpasar', counters: 1, services: [c.nikah] },
		{ code: 'BPN', name: 'Kantor Pertanahan Kota Denpasar', counters: 1, services: [c.tanah] },
		{ code: 'PLN', name: 'PLN UP3 Bali Selatan', counters: 1, services: [c.pln] }
	]
};

const jayapura: DemoMpp = {
	slug: 'jayapura',
	regionCode: '91.71',
	readiness: {
		agencies_present: '6',
		digital_services: '1',
		vulnerable_facilities: 'false',
		skm_published: 'false'
	},
	name: 'Mal Pelayanan Publik Kota Jayapura',
	province: 'Papua',
	city: 'Kota Jayapura',
	timezone: 'Asia/Jayapura',
	size: 'small',
	openingHours: hours('07:30', '16:00', false),
	runningText: runningText('Kota Jayapura'),
	people: {
		manager: 'Maria Rumbiak',
		supervisor: 'Yohanes Wanimbo',
		operators: [
			'Fransiska Kaisiepo',
			'Markus Yoku',
			'Elisabeth Mandowen',
			'Daniel Ohee',
			'Agustina Rumkorem',
			'Yosias Wenda',
			'Martha Itaar',
			'Petrus Mebri',
			'Regina Sawaki'
		]
	},
	tenants: [
		{
			code: 'DUKCAPIL',
			name: 'Disdukcapil Kota Jayapura',
			counters: 3,
			services: [withQuota(c.ktp, 250), c.kk, c.akta]
		},
		{ code: 'DPMPTSP', name: 'DPMPTSP Kota Jayapura', counters: 1, services: [c.oss, c.konsultasi] },
		{ code: 'BAPENDA', name: 'Bapenda Kota Jayapura', counters: 1, services: [c.pbb] },
		{ code: 'SAMSAT', name: 'Samsat Kota Jayapura', counters: 1, services: [c.pkb] },
		{
			code: 'POLRI',
			name: 'Polresta Jayapura Kota',
			counters: 2,
			services: [withQuota(c.sim, 80), withQuota(c.skck, 80)]
		},
		{
			code: 'IMIGRASI',
			name: 'Kantor Imigrasi Kelas I TPI Jayapura',
			counters: 1,
			services: [withQuota(c.paspor, 50)]
		},
		{ code: 'BPJS_KES', name: 'BPJS Kesehatan Cabang Jayapura', counters: 1, services: [c.bpjsKesehatan] },
		{
			code: 'BANK',
			name: 'Bank Papua',
			counters: 1,
			services: [named(c.bank, 'Layanan Nasabah Bank Papua')]
		},
		{ code: 'PDAM', name: 'Perumda Air Minum Jayapura', counters: 1, services: [c.pdam] }
	]
};

export const demoMpps: DemoMpp[] = [bandung, denpasar, jayapura];
