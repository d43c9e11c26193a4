import { describe, expect, it } from 'vitest';
import { suggestStandard, tokens, type MatchStandard } from './standard-match';

// a slice of the seeded catalogue (0017_service_catalogue.sql)
const standards: MatchStandard[] = [
	{ code: 'KTP_EL', name: 'Perekaman dan pencetakan KTP-el', agency: 'Dukcapil (Kemendagri)' },
	{ code: 'KK', name: 'Kartu Keluarga (KK)', agency: 'Dukcapil (Kemendagri)' },
	{ code: 'KIA', name: 'Kartu Identitas Anak (KIA)', agency: 'Dukcapil (Kemendagri)' },
	{ code: 'AKTA_LAHIR', name: 'Akta kelahiran', agency: 'Dukcapil (Kemendagri)' },
	{ code: 'SIM_PERPANJANGAN', name: 'Perpanjangan SIM', agency: 'Polri (Satpas)' },
	{ code: 'SKCK', name: 'Surat Keterangan Catatan Kepolisian (SKCK)', agency: 'Polri' },
	{ code: 'PASPOR', name: 'Paspor (permohonan baru dan penggantian)', agency: 'Imigrasi (Ditjen Imigrasi)' },
	{ code: 'JKN_PESERTA', name: 'Pendaftaran dan perubahan data peserta JKN', agency: 'BPJS Kesehatan' },
	{
		code: 'BPJSTK_PESERTA',
		name: 'Pendaftaran peserta BPJS Ketenagakerjaan',
		agency: 'BPJS Ketenagakerjaan'
	},
	{
		code: 'SERTIPIKAT_TANAH',
		name: 'Pengecekan dan balik nama sertipikat tanah',
		agency: 'BPN (Kementerian ATR/BPN)'
	}
];
const suggest = (name: string, code: string, tenantName: string) =>
	suggestStandard({ name, code, tenantName }, standards)?.code ?? null;

describe('tokens', () => {
	it('lowercases, drops accents and filler, and reads KTP-el, KTP_EL and ktp el as one word', () => {
		expect([...tokens('Pelayanan KTP-el dan Kartu Keluarga')]).toEqual(['ktp', 'kartu', 'keluarga']);
		expect([...tokens('KTP_EL')]).toEqual(['ktp']);
		expect([...tokens('Pàspor')]).toEqual(['paspor']);
		expect([...tokens('Passport')]).toEqual(['paspor']);
	});
});

describe('suggestStandard', () => {
	it('matches an MPP service by the words of its name and code', () => {
		expect(suggest('KTP Elektronik', 'KTP_EL', 'Disdukcapil Kota Malang')).toBe('KTP_EL');
		expect(suggest('Kartu Identitas Anak', 'KIA', 'Disdukcapil')).toBe('KIA');
		expect(suggest('Perpanjangan SIM', 'SIM', 'Satpas Polresta')).toBe('SIM_PERPANJANGAN');
		expect(suggest('Passport', 'PASPOR', 'Kantor Imigrasi Kelas I')).toBe('PASPOR');
		expect(suggest('SKCK', 'SKCK', 'Polres')).toBe('SKCK');
	});

	it('lets the agency decide between services that share words', () => {
		// "peserta" is in both BPJS standards; the agency's name picks the right one
		expect(suggest('Pendaftaran peserta', 'PESERTA', 'BPJS Ketenagakerjaan')).toBe('BPJSTK_PESERTA');
		expect(suggest('Pendaftaran peserta', 'PESERTA', 'BPJS Kesehatan')).toBe('JKN_PESERTA');
	});

	it('prefers the more specific standard on a tie, and is stable', () => {
		// "kartu" alone: KK's name has fewer other words than KIA's
		expect(suggest('Kartu', 'KARTU', 'Disdukcapil')).toBe('KK');
	});

	it('suggests nothing when no word of the name or code matches', () => {
		expect(suggest('Konsultasi Perizinan', 'KONSULTASI', 'DPMPTSP')).toBeNull();
		// the agency alone is not enough: Dukcapil offers many services
		expect(suggest('Legalisir', 'LEG', 'Disdukcapil')).toBeNull();
		expect(suggestStandard({ name: 'KTP', code: 'KTP', tenantName: '' }, [])).toBeNull();
	});
});
